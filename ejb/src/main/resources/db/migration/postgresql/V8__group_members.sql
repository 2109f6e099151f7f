-- A group's members are read in key order a page at a time (bulk sends, exports, counts): by this index a page reads
-- its own rows. A contact's groups are read with every contact (an eager collection), and PostgreSQL, unlike H2,
-- makes no index for a foreign key: without the second index each read scanned the whole table.
create index contact_group_group on contact_group (group_key, contact_key);
create index contact_group_contact on contact_group (contact_key, group_key);
