-- base: victim
-- expect: merged
-- The unfinished attempt, abandoned on the laptop after it was handed in.
update attempts set status = 'abandoned', updated_at = strftime('%Y-%m-%dT%H:%M:%f+00:00', 'now') where status = 'in_progress';
