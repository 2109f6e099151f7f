-- Contact import (issue 22): the import jobs, their rows while they are checked and written, and their row errors.

create table contact_import (
    id varchar(255) not null,
    account_id varchar(255) not null,
    state varchar(16) not null check (state in ('UPLOADED','QUEUED','CHECKING','INVALID','CHECKED','IMPORTING',
        'COMPLETED','CANCELLED','FAILED')),
    format varchar(8) not null,
    file_name varchar(255),
    file_path varchar(1024) not null,
    size_bytes bigint not null,
    columns varchar(65535),
    settings varchar(65535),
    check_only boolean not null,
    group_key varchar(255),
    rows_total integer not null,
    rows_checked integer not null,
    rows_done integer not null,
    created integer not null,
    updated integer not null,
    error_count integer not null,
    created_at timestamp(6) with time zone not null,
    started_at timestamp(6) with time zone,
    finished_at timestamp(6) with time zone,
    failure varchar(1024),
    primary key (id)
);
create index contact_import_account on contact_import (account_id, created_at);

-- a row as read and normalised, between the check and the write (the file is never held in memory)
create table contact_import_row (
    import_id varchar(255) not null,
    row_no integer not null,
    contact_key varchar(255),
    msisdn varchar(255),
    field_values varchar(65535) not null,
    primary key (import_id, row_no)
);
create index contact_import_row_msisdn on contact_import_row (import_id, msisdn);
create index contact_import_row_key on contact_import_row (import_id, contact_key);

create table contact_import_error (
    import_id varchar(255) not null,
    seq integer not null,
    row_no integer not null,
    message varchar(1024) not null,
    primary key (import_id, seq)
);

-- contacts are found by number (an import's matches, an inbound message's sender)
create index contact_msisdn on contact (account_id, msisdn);
