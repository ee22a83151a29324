-- base: other
-- expect: payload = '[1, 2]'
update decisions set payload = '[1, 2]' where seq = 1;
