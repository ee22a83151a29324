-- base: other
-- expect: case_version = 'abc'
update attempts set case_version = 'abc';
