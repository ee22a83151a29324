-- base: other
-- expect: text
update reflections set text = 'fine' || char(155) || '2J';
