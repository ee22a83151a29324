-- base: other
-- expect: says it has
update decisions set seq = seq + 1 where seq = (select max(seq) from decisions);
