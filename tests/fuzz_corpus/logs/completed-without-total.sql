-- base: other
-- expect: completed
update attempts set total = null where status = 'completed';
