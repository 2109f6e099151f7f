-- People who log in to the web UI (issue 23): an account's users, by email (one login for the whole platform), with
-- a password stored as Jakarta Security's PBKDF2 hash and their role in the account: owner, admin or viewer.
create table account_user (
    id varchar(255) not null,
    account_id varchar(255) not null,
    email varchar(320) not null,
    password_hash varchar(1024) not null,
    role varchar(16) not null,
    created_at timestamp(6) with time zone not null,
    primary key (id)
);
create unique index account_user_email on account_user (email);
create index account_user_account on account_user (account_id, created_at);
