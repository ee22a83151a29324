-- base: victim
-- expect: merged
-- An older copy of the unfinished attempt: its first decision only.
delete from decisions where seq > 1 and attempt_id in (select id from attempts where status = 'in_progress');
update attempts set decisions = 1 where status = 'in_progress';
