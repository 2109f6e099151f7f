-- Routers and the routing table (issue 22): a channel bound to a conversation becomes two entries of its account's
-- table, its inbound to the conversation's endpoint and that endpoint's sends back to it (the first channel by id
-- where several were bound to one endpoint, as a send chose before).
create table routing_entry (
    id varchar(255) not null,
    account_id varchar(255) not null,
    source varchar(600) not null,
    source_endpoint varchar(255) not null,
    target varchar(600) not null,
    target_endpoint varchar(255) not null,
    primary key (id),
    constraint routing_entry_source unique (account_id, source, source_endpoint)
);
create table router (
    id varchar(255) not null,
    account_id varchar(255) not null,
    type varchar(32) not null check (type in ('KEYWORD','GROUP','APP_MULTIPLEXER')),
    name varchar(255) not null,
    config varchar(65535) not null,
    created_at timestamp(6) with time zone not null,
    primary key (id)
);
create index router_account on router (account_id, created_at);
create table router_session (
    router_id varchar(255) not null,
    address varchar(255) not null,
    state varchar(16) not null check (state in ('SELECT','BAD_INPUT','SELECTED')),
    endpoint varchar(4096),
    expires_at timestamp(6) with time zone not null,
    primary key (router_id, address)
);
insert into routing_entry (id, account_id, source, source_endpoint, target, target_endpoint)
    select 'bound-in-' || id, account_id, 'CHANNEL:' || id, 'default',
           'CONVERSATION:' || conversation_id, coalesce(conversation_endpoint, 'default')
    from channel where conversation_id is not null;
insert into routing_entry (id, account_id, source, source_endpoint, target, target_endpoint)
    select 'bound-out-' || min(id), account_id, 'CONVERSATION:' || conversation_id,
           coalesce(conversation_endpoint, 'default'), 'CHANNEL:' || min(id), 'default'
    from channel where conversation_id is not null
    group by account_id, conversation_id, coalesce(conversation_endpoint, 'default');
alter table channel drop column conversation_id;
alter table channel drop column conversation_endpoint;
