-- base: other
-- expect: created_at = '1999-
update learners set created_at = '1999-01-01T00:00:00.000+00:00';
