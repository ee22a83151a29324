-- base: other
-- expect: schema history is malformed
insert into _sqlite_migrations (migration_set, name, applied_at) values ('trainer', null, null);
