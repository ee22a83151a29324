-- base: other
-- expect: display_name
update learners set display_name = char(27) || ']0;PWNED' || char(7) || char(27) || '[31mRED';
