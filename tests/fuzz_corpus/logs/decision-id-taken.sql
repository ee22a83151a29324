-- base: other
-- expect: has the id of a row of attempt
-- A new attempt's decision carrying the id of one of the victim's decisions.
update decisions set id = (select id from victim.decisions limit 1) where seq = 1;
