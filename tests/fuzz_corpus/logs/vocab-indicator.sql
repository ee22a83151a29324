-- base: other
-- expect: indicator = '3.9'
update scores set indicator = '3.9' where indicator = '3.5';
