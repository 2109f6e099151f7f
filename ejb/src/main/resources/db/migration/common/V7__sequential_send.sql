-- sequential_send runs (issue 22): a run is a bulk send of its scheduled slot (once per conversation and slot), each
-- recipient with the message of their own place in the sequence, and that place kept per contact.
alter table bulk_send add column sequence_slot timestamp(6) with time zone;
alter table bulk_send add constraint bulk_send_slot unique (conversation_id, sequence_slot);
alter table bulk_recipient add column content varchar(2048);
alter table bulk_recipient add column sequence_index integer;
create table sequence_position (
    conversation_id varchar(255) not null,
    contact_key varchar(255) not null,
    next_index integer not null,
    primary key (conversation_id, contact_key)
);
