-- base: other
-- expect: lang = 'fr'
update attempts set lang = 'fr';
