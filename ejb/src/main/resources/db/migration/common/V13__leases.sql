-- Several instances: work that one instance at a time does (a channel's lane, the recovery sweeps, a job, a dead
-- instance's unsettled pushes) is owned through a lease row (org.switchboard.engine.Leases).
create table engine_lease (
    name varchar(200) not null,
    owner varchar(64) not null,
    expires_at timestamp(6) with time zone not null,
    primary key (name)
);
create index engine_lease_owner on engine_lease (owner);

-- The instance that pushes an event to its event_url: after a crash, that instance (or the one that takes its work
-- over) sends again the pushes it may not have finished, and only those.
alter table message_event add column pushed_by varchar(64);

