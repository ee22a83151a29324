-- base: other
-- expect: its identity differs: learner_id
-- The victim's attempt id on another learner's consistent attempt.
update decisions set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update scores set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update reflections set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update self_ratings set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update internal_reports set attempt_id = (select id from victim.attempts where status = 'completed' limit 1);
update attempts set id = (select id from victim.attempts where status = 'completed' limit 1);
