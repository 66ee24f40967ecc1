-- What qbo-inbound last sent Centerpoint for each QBO entity (a fingerprint of the command's content):
-- a newer QBO version that would send the same again (an echo of our own write whose reply was lost, a
-- change to a field Centerpoint does not take) is recognised as unchanged instead of applied twice.
create table applied_payloads (
    realm_id       text        not null,
    qbo_entity_key text        not null,
    qbo_id         text        not null,
    payload_hash   text        not null,
    updated_at     timestamptz not null default now(),
    primary key (realm_id, qbo_entity_key, qbo_id)
);
