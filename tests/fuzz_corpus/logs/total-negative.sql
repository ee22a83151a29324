-- base: other
-- expect: total = -50
update attempts set total = -50;
