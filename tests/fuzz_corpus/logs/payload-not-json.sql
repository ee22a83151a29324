-- base: other
-- expect: payload = '{not json'
update decisions set payload = '{not json' where seq = 1;
