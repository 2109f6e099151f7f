-- A group's members are read in key order a page at a time (bulk sends, exports, counts): by this index a page reads
-- its own rows. A contact's groups are found by the index H2 made for the foreign key on contact_key.
create index contact_group_group on contact_group (group_key, contact_key);
