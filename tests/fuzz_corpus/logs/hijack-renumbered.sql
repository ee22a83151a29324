-- base: other
-- expect: says it has
-- The issue's hijack: the victim's attempt id, decisions=9999, total 0, abandoned,
-- the decisions renumbered seq+1000.
update decisions set attempt_id = (select id from victim.attempts where status = 'completed' limit 1), seq = seq + 1000;
update scores set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update reflections set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update self_ratings set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update internal_reports set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update attempts set id = (select id from victim.attempts where status = 'completed' limit 1), decisions = 9999, total = 0, status = 'abandoned';
