-- base: other
-- expect: merged
-- Columns and tables the class database does not have are never read.
alter table attempts add column secret text;
update attempts set secret = char(27) || '[2J';
create table extra (payload blob);
insert into extra values (x'00ff');
