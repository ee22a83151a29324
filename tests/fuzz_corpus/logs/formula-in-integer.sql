-- base: other
-- expect: total = '@SUM(1)'
update attempts set total = '@SUM(1)';
