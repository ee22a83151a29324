-- base: victim
-- expect: says it has
-- An already merged log edited: total 100 and decisions+100.
update attempts set total = 100, decisions = decisions + 100;
