-- base: other
-- expect: merged
-- Values at the edges of their rules, and hostile-looking but harmless text.
update learners set display_name = '=HYPERLINK("http://x","點我") ‮evil 😀', student_no = '@SUM(1)', class_name = '+1';
update decisions set free_text = substr(hex(zeroblob(10000)), 1, 20000) where seq = 1;
update reflections set text = 'line one' || char(10) || char(9) || 'line two';
update attempts set case_version = 0, order_seed = -9223372036854775808, mood = 0;
