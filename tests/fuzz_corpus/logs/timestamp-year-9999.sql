-- base: other
-- expect: started_at = '9999-
update attempts set started_at = '9999-12-31T00:00:00.000+00:00';
