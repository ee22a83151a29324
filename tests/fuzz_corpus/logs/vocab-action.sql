-- base: other
-- expect: action = 'hack'
update decisions set action = 'hack' where seq = 1;
