-- Switchboard's schema as the last release before migrations made it (Hibernate ORM 6.6's DDL for H2, from the
-- entities of commit 1962c6e). A database made by that release already has it: Flyway records it as version 1
-- (baselineOnMigrate) and applies only what comes after. Every later change is a migration of its own.

create sequence channel_log_line_SEQ start with 1 increment by 50;

create sequence sandbox_log_line_SEQ start with 1 increment by 50;

create table account (
    id varchar(255) not null,
    account_key varchar(255) not null unique,
    can_manage_optouts boolean,
    created_at timestamp(6) with time zone not null,
    disable_optouts boolean,
    features varchar(4096),
    name varchar(255) not null,
    token_hash varchar(255) not null,
    primary key (id)
);

create table account_vendor (
    id varchar(255) not null,
    account_id varchar(255) not null,
    settings varchar(8192) not null,
    updated_at timestamp(6) with time zone not null,
    vendor varchar(255) not null,
    primary key (id)
);

create table channel (
    id varchar(255) not null,
    account_id varchar(255) not null,
    address varchar(255) not null,
    character_limit integer,
    conversation_id varchar(255),
    conversation_endpoint varchar(255),
    label varchar(255),
    max_in_flight integer,
    metadata varchar(8192),
    mo_message_url varchar(4096),
    mo_message_url_auth_token varchar(1024),
    rate_per_second float(53),
    settings varchar(8192),
    transport_type varchar(255) not null,
    vendor varchar(255) not null,
    primary key (id)
);

create table channel_log_line (
    id bigint not null,
    channel_id varchar(255) not null,
    exception_class varchar(255),
    exception_stack varchar(4096),
    exception_text varchar(1024),
    level integer not null,
    message varchar(4096),
    timestamp timestamp(6) with time zone not null,
    primary key (id)
);

create table contact (
    contact_key varchar(255) not null,
    account_id varchar(255) not null,
    bbm_pin varchar(255),
    created_at timestamp(6) with time zone not null,
    dob varchar(255),
    email_address varchar(255),
    extra clob,
    facebook_id varchar(255),
    gtalk_id varchar(255),
    msisdn varchar(255),
    mxit_id varchar(255),
    name varchar(255),
    subscription clob,
    surname varchar(255),
    twitter_handle varchar(255),
    version integer not null,
    wechat_id varchar(255),
    primary key (contact_key)
);

create table contact_group (
    contact_key varchar(255) not null,
    group_key varchar(255)
);

create table contact_group_def (
    group_key varchar(255) not null,
    account_id varchar(255) not null,
    created_at timestamp(6) with time zone not null,
    name varchar(255) not null,
    query clob,
    version integer not null,
    primary key (group_key)
);

create table conversation (
    id varchar(255) not null,
    account_id varchar(255) not null,
    bundle blob,
    bundle_main varchar(255),
    code_version varchar(64),
    app_config clob,
    javascript clob,
    name varchar(255) not null,
    settings clob,
    token_hash varchar(64),
    type varchar(16) not null check (type in ('JSBOX','JUNEBUG','HTTP_API')),
    primary key (id)
);

create table engine_mark (
    name varchar(64) not null,
    at_time timestamp(6) with time zone not null,
    primary key (name)
);

create table fake_vendor_message (
    id varchar(255) not null,
    channel_id varchar(255) not null,
    content varchar(65535),
    from_addr varchar(255),
    message_id varchar(255) not null,
    received_at timestamp(6) with time zone not null,
    session_event varchar(255),
    to_addr varchar(255),
    primary key (id)
);

create table idempotency_key (
    id varchar(400) not null,
    created_at timestamp(6) with time zone not null,
    message_id varchar(255) not null,
    request_hash varchar(64) not null,
    primary key (id)
);

create table inbound_part (
    id varchar(255) not null,
    channel_id varchar(255) not null,
    content varchar(4096),
    from_addr varchar(255),
    received_at timestamp(6) with time zone not null,
    ref varchar(255) not null,
    seq integer not null,
    to_addr varchar(255),
    total integer not null,
    vendor_message_id varchar(255),
    primary key (id),
    constraint inbound_part_unique unique (channel_id, ref, seq)
);

create table kv_entry (
    id varchar(1024) not null,
    account_id varchar(255) not null,
    expires_at timestamp(6) with time zone,
    value_json varchar(1048576),
    primary key (id)
);

create table message (
    id varchar(255) not null,
    account_id varchar(255) not null,
    channel_data varchar(65535),
    channel_id varchar(255) not null,
    content varchar(65535),
    conversation_id varchar(255),
    direction varchar(16) not null check (direction in ('INBOUND','OUTBOUND')),
    event_auth_token varchar(1024),
    event_shape varchar(16) check (event_shape in ('JUNEBUG','VUMI')),
    event_url varchar(4096),
    from_addr varchar(255),
    group_name varchar(255),
    in_reply_to varchar(255),
    session_event varchar(255),
    status varchar(16) not null check (status in ('QUEUED','SUBMITTED','REJECTED','RECEIVED','ROUTED')),
    timestamp timestamp(6) with time zone not null,
    to_addr varchar(255),
    transport_type varchar(255),
    vendor_message_id varchar(255),
    primary key (id)
);

create table message_event (
    id varchar(255) not null,
    app_pending boolean not null,
    details varchar(65535),
    event_type varchar(255) not null,
    message_id varchar(255) not null,
    timestamp timestamp(6) with time zone not null,
    primary key (id)
);

create table metric_point (
    id bigint generated by default as identity,
    account_id varchar(255) not null,
    aggregator varchar(4) not null,
    fired_at timestamp(6) with time zone not null,
    name varchar(101) not null,
    store varchar(101) not null,
    metric_value float(53) not null,
    primary key (id)
);

create table opt_out (
    id varchar(255) not null,
    account_id varchar(255) not null,
    address_type varchar(64) not null,
    address_value varchar(255) not null,
    created_at timestamp(6) with time zone not null,
    message_id varchar(255),
    primary key (id),
    constraint opt_out_address unique (account_id, address_type, address_value)
);

create table push (
    id varchar(255) not null,
    account_id varchar(255) not null,
    attempts integer not null,
    auth_token varchar(2048),
    body varchar(200000) not null,
    channel_id varchar(255),
    conversation_id varchar(255),
    created_at timestamp(6) with time zone not null,
    delivered_at timestamp(6) with time zone,
    kind varchar(16) not null check (kind in ('EVENT','MESSAGE')),
    last_error varchar(1024),
    next_attempt_at timestamp(6) with time zone,
    signing_secret varchar(1024),
    state varchar(16) not null check (state in ('PENDING','DELIVERED','FAILED')),
    subject_id varchar(255) not null,
    timeout_seconds float(53),
    url varchar(8192) not null,
    primary key (id)
);

create table sandbox_failed_invocation (
    command_id varchar(255) not null,
    at timestamp(6) with time zone not null,
    conversation_id varchar(255) not null,
    reason varchar(1024),
    primary key (command_id)
);

create table sandbox_log_line (
    id bigint not null,
    conversation_id varchar(255) not null,
    level varchar(255) not null,
    message varchar(8192),
    timestamp timestamp(6) with time zone not null,
    primary key (id)
);

create table vendor_number (
    id varchar(255) not null,
    account_id varchar(255) not null,
    area_code varchar(255),
    bought_at timestamp(6) with time zone not null,
    messaging_service_sid varchar(255),
    number varchar(255) not null,
    vendor varchar(255) not null,
    vendor_id varchar(255),
    primary key (id),
    constraint vendor_number_unique unique (vendor, number)
);

create index account_token
    on account (token_hash);

create index channel_log_line_channel
    on channel_log_line (channel_id, id);

create index conversation_token
    on conversation (account_id, token_hash);

create index kv_entry_account
    on kv_entry (account_id);

create index message_conversation
    on message (conversation_id, direction, timestamp);

create index message_status
    on message (status, channel_id, timestamp);

create index message_vendor_id
    on message (vendor_message_id);

create index message_event_message
    on message_event (message_id);

create index message_event_app
    on message_event (app_pending, timestamp);

create index message_event_time
    on message_event (timestamp);

create index metric_point_name
    on metric_point (account_id, store, name, fired_at);

create index push_due
    on push (state, next_attempt_at);

create index push_account
    on push (account_id, state, conversation_id);

create index push_subject
    on push (subject_id);

create index sandbox_log_line_conversation
    on sandbox_log_line (conversation_id, id);

create index vendor_number_account
    on vendor_number (account_id, vendor);

alter table if exists contact_group
    add constraint FK9gdclc22vv91px6dcabioypd6
    foreign key (contact_key)
    references contact;
