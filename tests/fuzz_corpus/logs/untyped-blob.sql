-- base: other
-- expect: payload
alter table decisions rename to decisions_old;
create table decisions (id, attempt_id, seq, ts, think_ms, step, indicator, action, option_id, quality, free_text, payload, mood_before, mood_after, sim_minute, cost_total, facts_found);
insert into decisions select * from decisions_old;
drop table decisions_old;
update decisions set payload = x'00ff00ff' where seq = 2;
