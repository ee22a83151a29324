-- base: other
-- expect: quality = 'great'
update decisions set quality = 'great' where seq = 1;
