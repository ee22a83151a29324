-- base: victim
-- expect: same decisions but a different record: total
update attempts set total = 0 where status = 'completed';
