-- The console's index of sync outcomes and dead letters (kept for app.retention.keep), and its audit of actions.
-- A record is stored once per Kafka position: a redelivery after a rebalance or restart inserts nothing.

create table outcome (
    id               bigserial primary key,
    record_topic     text        not null,
    record_partition integer     not null,
    record_offset    bigint      not null,
    outcome_id       text        not null,
    tenant_id        text        not null,
    realm_id         text,
    occurred_at      timestamptz not null,
    causation_id     text        not null,
    direction        text        not null,
    entity_type      text        not null,
    centerpoint_id   text,
    qbo_id           text,
    action           text        not null,
    result           text        not null,
    reason           text,
    qbo_error_code   text,
    constraint outcome_position unique (record_topic, record_partition, record_offset)
);
create index outcome_tenant_time on outcome (tenant_id, occurred_at);
create index outcome_tenant_centerpoint on outcome (tenant_id, lower(centerpoint_id));
create index outcome_tenant_qbo on outcome (tenant_id, lower(qbo_id));
create index outcome_realm on outcome (realm_id);
create index outcome_occurred_at on outcome (occurred_at);

-- What people call a Centerpoint entity (invoice or ticket number, company or project name), latest wins.
create table entity_label (
    tenant_id      text        not null,
    entity_type    text        not null,
    centerpoint_id text        not null,
    label          text        not null,
    seen_at        timestamptz not null,
    primary key (tenant_id, entity_type, centerpoint_id)
);
create index entity_label_search on entity_label (tenant_id, lower(label));

create table dead_letter (
    id                 bigserial primary key,
    record_topic       text        not null,
    record_partition   integer     not null,
    record_offset      bigint      not null,
    original_topic     text,
    original_partition integer,
    original_offset    bigint,
    record_key         bytea,
    record_value       bytea,
    key_text           text,
    tenant_id          text,
    realm_id           text,
    reason             text        not null,
    exception_class    text,
    replay_of          text,
    payload_summary    text        not null,
    dead_lettered_at   timestamptz not null,
    replay_claimed_by  text,
    replay_claimed_at  timestamptz,
    replayed_at        timestamptz,
    constraint dead_letter_position unique (record_topic, record_partition, record_offset)
);
create index dead_letter_tenant on dead_letter (tenant_id, dead_lettered_at);
create index dead_letter_time on dead_letter (dead_lettered_at);

-- Headers in their order (a name may repeat), so a replay sends back exactly what came.
create table dead_letter_header (
    dead_letter_id bigint  not null references dead_letter (id) on delete cascade,
    position       integer not null,
    name           text    not null,
    value          bytea,
    primary key (dead_letter_id, position)
);

create table audit_entry (
    id     bigserial primary key,
    actor  text        not null,
    at     timestamptz not null,
    action text        not null,
    target text        not null,
    result text        not null,
    detail text
);
create index audit_entry_at on audit_entry (at);
