-- base: other
-- expect: ts = 'garbage'
update decisions set ts = 'garbage' where seq = 1;
