-- base: other
-- expect: outcome = 'won'
update attempts set outcome = 'won';
