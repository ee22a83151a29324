-- base: other
-- expect: two rows with the same
drop index if exists idx_scores_attempt_id_indicator;
insert into scores (id, attempt_id, indicator, score) select '00000000-0000-4000-8000-0000000000bb', attempt_id, indicator, 0 from scores limit 1;
