-- A conversation's messages newest first, a page at a time by keys (the web UI's messages page: order by timestamp
-- desc, id desc): the index gives that order whole, so a page reads 25 rows. With (conversation, direction,
-- timestamp) only, H2 sorted the conversation's every message for each page (5.5 s at 1,000,000 sent). The counts'
-- reads of a time range use it as before.
drop index message_conversation;
create index message_conversation on message (conversation_id, direction, timestamp desc, id desc);
