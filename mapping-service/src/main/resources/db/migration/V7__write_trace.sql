-- The trace of the work that made each write (issue 9: one trace per event): qbo-inbound stamps it on the
-- outcome of the echo it suppresses, so the Centerpoint event, its QBO calls and its echo share one trace id.
alter table write_records add column trace_id text;
