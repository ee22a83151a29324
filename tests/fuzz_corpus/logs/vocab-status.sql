-- base: other
-- expect: status = 'won'
update attempts set status = 'won';
