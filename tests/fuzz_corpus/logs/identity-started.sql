-- base: victim
-- expect: its identity differs: started_at
update attempts set started_at = '2024-01-01T00:00:00.000+00:00';
