-- base: other
-- expect: belongs to another program
pragma application_id = 1179796817;
