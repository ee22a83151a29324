-- base: victim
-- expect: scores row
update scores set score = 100;
