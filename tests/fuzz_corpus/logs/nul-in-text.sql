-- base: other
-- expect: free_text
update decisions set free_text = 'a' || char(0) || 'b' where seq = 1;
