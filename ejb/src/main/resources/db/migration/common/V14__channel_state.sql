-- Several instances: what Junebug's channel status shows is the group's, not the answering instance's. The vendor's
-- state as the channel's last answers showed it (written by the instance that sent them, when it changes), and each
-- instance's counts of the last complete 10 s window (written once a window), summed by whoever answers
-- (org.switchboard.engine.ChannelActivity).
create table channel_vendor_state (
    channel_id varchar(255) not null,
    component varchar(64) not null,
    status varchar(16) not null,
    state_type varchar(32) not null,
    message varchar(1000),
    since timestamp(6) with time zone not null,
    primary key (channel_id)
);

create table channel_rate (
    channel_id varchar(255) not null,
    instance varchar(64) not null,
    window_start bigint not null,
    inbound integer not null,
    outbound integer not null,
    submitted integer not null,
    rejected integer not null,
    delivery_succeeded integer not null,
    delivery_failed integer not null,
    delivery_pending integer not null,
    primary key (channel_id, instance)
);
