-- base: other
-- expect: case_id = '../../../../etc/passwd'
update attempts set case_id = '../../../../etc/passwd';
