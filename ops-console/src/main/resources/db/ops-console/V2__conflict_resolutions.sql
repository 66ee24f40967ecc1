-- Resolutions of held conflicts sent to cp-outbound-service: at most one per held CONFLICT outcome (the claim that
-- makes a second click harmless). Kept like the audit: the retention purge leaves it alone.
create table conflict_resolution (
    resolution_id       text primary key,
    conflict_row_id     bigint      not null,
    conflict_outcome_id text        not null,
    tenant_id           text        not null,
    entity_type         text        not null,
    centerpoint_id      text        not null,
    action              text        not null,
    qbo_id              text,
    requested_by        text        not null,
    requested_at        timestamptz not null,
    sent_at             timestamptz,
    constraint conflict_resolution_once unique (conflict_row_id)
);
