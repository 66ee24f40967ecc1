-- The latest parked / running state of each tenant, as cp-outbound-service tells it on cp-outbound.tenant-status.v1
-- (compacted, key tenant): one row per tenant, replaced only by a record later in the log, so a redelivery or an
-- older record changes nothing. Not purged by retention: it is the current state, not history.
create table tenant_status (
    tenant_id        text primary key,
    realm_id         text,
    state            text        not null,
    reason           text,
    until            timestamptz,
    instance         text        not null,
    changed_at       timestamptz not null,
    source_partition int         not null,
    source_offset    bigint      not null
);
