-- base: victim
-- expect: adds decisions to it
-- A decision appended to an attempt the class database has as completed.
insert into decisions (id, attempt_id, seq, ts, step, action, payload)
  select '00000000-0000-4000-8000-0000000000aa', id, decisions + 1, started_at, 'feedback', 'advance', '{}'
  from attempts where status = 'completed' limit 1;
update attempts set decisions = decisions + 1 where id = (select attempt_id from decisions where id = '00000000-0000-4000-8000-0000000000aa');
