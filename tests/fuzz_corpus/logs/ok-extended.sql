-- base: victim
-- expect: merged
-- The unfinished attempt with one more decision (a later copy).
insert into decisions (id, attempt_id, seq, ts, step, action, payload)
  select '00000000-0000-4000-8000-0000000000cc', id, decisions + 1, updated_at, step, 'advance', '{}'
  from attempts where status = 'in_progress';
update attempts set decisions = decisions + 1 where status = 'in_progress';
