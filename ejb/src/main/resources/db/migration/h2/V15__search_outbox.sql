-- Several instances: Hibernate Search's outbox-polling coordination (its tables as Hibernate Search 7.2 maps them,
-- generated from its mapping with Hibernate's schema tool for this dialect). In a deployment group each change to an
-- indexed entity is written here in its own transaction and indexed into the group's OpenSearch node by the agent of
-- one instance; a one-instance domain (Lucene) leaves the tables empty.
create table hsearch_agent (
    id uuid not null,
    assignedShardIndex integer,
    expiration timestamp(6) with time zone not null,
    name varchar(255) not null,
    payload blob,
    state enum ('RUNNING','SUSPENDED','WAITING') not null,
    tenantId varchar(255),
    totalShardCount integer,
    type enum ('EVENT_PROCESSING_DYNAMIC_SHARDING','EVENT_PROCESSING_STATIC_SHARDING','MASS_INDEXING') not null,
    primary key (id)
);

create table hsearch_outbox_event (
    id uuid not null,
    entityId varchar(256) not null,
    entityIdHash integer not null,
    entityName varchar(256) not null,
    payload blob not null,
    processAfter timestamp(6) with time zone not null,
    retries integer not null,
    status enum ('ABORTED','PENDING') not null,
    tenantId varchar(255),
    primary key (id)
);

create index hsearch_outbox_event_hash on hsearch_outbox_event (entityIdHash);
create index hsearch_outbox_event_status on hsearch_outbox_event (status);
create index hsearch_outbox_event_after on hsearch_outbox_event (processAfter);
