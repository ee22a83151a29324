-- base: other
-- expect: mode = 'cheat'
update attempts set mode = 'cheat';
