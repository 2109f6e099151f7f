-- Counts that stay fast (issue 22): each account's and conversation's messages and events per 15 minutes, folded in
-- from the rows as they are stored, and the addresses seen per day, so that a day's distinct senders and recipients
-- are counted once. conversation_id '-' holds the messages of no conversation.
create table message_count (
    account_id varchar(255) not null,
    conversation_id varchar(255) not null,
    bucket timestamp(6) with time zone not null,
    received bigint not null,
    sent bigint not null,
    acks bigint not null,
    nacks bigint not null,
    delivered bigint not null,
    delivery_failed bigint not null,
    delivery_pending bigint not null,
    primary key (account_id, conversation_id, bucket)
);
create table message_count_day (
    account_id varchar(255) not null,
    conversation_id varchar(255) not null,
    on_day date not null,
    senders bigint not null,
    recipients bigint not null,
    primary key (account_id, conversation_id, on_day)
);
create table message_count_address (
    account_id varchar(255) not null,
    conversation_id varchar(255) not null,
    on_day date not null,
    inbound boolean not null,
    address varchar(255) not null,
    primary key (account_id, conversation_id, on_day, inbound, address)
);
