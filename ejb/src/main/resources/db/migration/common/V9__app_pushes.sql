-- pushes of jsbox and dialogue apps (issue 22; Vumi Go's send_jsbox action, "Send Dialogue" for a dialogue): a bulk
-- send whose recipients each start the conversation's app, which says what to send; it has no text of its own.
alter table bulk_send add column kind varchar(16) default 'MESSAGE' not null;
alter table bulk_send alter column content drop not null;
