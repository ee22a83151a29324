-- base: victim
-- expect: already merged with other content: free_text
-- A decision whose id is already merged, with other content.
update decisions set free_text = 'I never said that' where seq = 1;
