-- The web UI's phone (issue 23) reads what the fake vendor sent one number on a channel, newest first.
create index fake_vendor_message_phone on fake_vendor_message (channel_id, to_addr, received_at);
