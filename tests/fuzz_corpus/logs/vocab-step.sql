-- base: other
-- expect: step = 'bribing'
update decisions set step = 'bribing' where seq = 1;
