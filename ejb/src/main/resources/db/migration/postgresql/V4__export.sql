-- Exports (issue 22): contacts and messages written to a file as a job, kept for a while.
create table export (
    id varchar(255) not null,
    account_id varchar(255) not null,
    kind varchar(16) not null,
    format varchar(8) not null,
    scope varchar(65535) not null,
    state varchar(16) not null check (state in ('QUEUED','RUNNING','COMPLETED','FAILED','CANCELLED','EXPIRED')),
    file_path varchar(1024),
    file_name varchar(255) not null,
    size_bytes bigint not null,
    rows_total bigint not null,
    rows_done bigint not null,
    created_at timestamp(6) with time zone not null,
    finished_at timestamp(6) with time zone,
    expires_at timestamp(6) with time zone,
    failure varchar(1024),
    primary key (id)
);
create index export_account on export (account_id, created_at);
