-- Campaigns (issue 22): the ready-made conversation types, bulk sends as jobs, and the batch a message was sent in.

-- the conversation types: the check the baseline made lists three; it is replaced by one that lists them all
alter table conversation drop constraint conversation_type_check;
alter table conversation add constraint conversation_type_check check (type in ('JSBOX','JUNEBUG','HTTP_API',
    'BULK_MESSAGE','STATIC_REPLY','OPT_OUT','SUBSCRIPTION','SEQUENTIAL_SEND','DIALOGUE'));

-- a bulk send's messages carry its id (Vumi Go's batch_id), so that its counts are one indexed query
alter table message add column batch_id varchar(255);
create index message_batch on message (batch_id, status);

create table bulk_send (
    id varchar(255) not null,
    account_id varchar(255) not null,
    conversation_id varchar(255) not null,
    channel_id varchar(255) not null,
    content varchar(65535) not null,
    delivery_class varchar(16) not null,
    dedupe boolean not null,
    group_keys varchar(65535) not null,
    fingerprint varchar(64) not null,
    state varchar(16) not null check (state in ('PENDING','SCHEDULED','RUNNING','PAUSED','COMPLETED','CANCELLED',
        'FAILED')),
    scheduled_for timestamp(6) with time zone,
    created_at timestamp(6) with time zone not null,
    started_at timestamp(6) with time zone,
    finished_at timestamp(6) with time zone,
    recipients_ready boolean not null,
    recipients integer not null,
    position integer not null,
    accepted integer not null,
    skipped_no_address integer not null,
    skipped_duplicate integer not null,
    skipped_opted_out integer not null,
    failure varchar(1024),
    primary key (id)
);
create index bulk_send_account on bulk_send (account_id, created_at);
create index bulk_send_state on bulk_send (state, scheduled_for);
create index bulk_send_guard on bulk_send (account_id, fingerprint, created_at);

-- a bulk send's recipients, numbered from 1 when it starts: the contact and the address its message goes to
create table bulk_recipient (
    bulk_id varchar(255) not null,
    seq integer not null,
    contact_key varchar(255) not null,
    address varchar(255) not null,
    primary key (bulk_id, seq)
);
