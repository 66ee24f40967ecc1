-- Creates a sync service is about to send to QBO (issue 8): when the reply is lost, the other direction
-- recognises the new QBO customer or job as ours by name (and parent) instead of importing a second copy.
-- One row per Centerpoint record; withdrawn once the create's outcome is known; stale rows are ignored.
create table announced_creates (
    realm_id       text        not null,
    entity_type    text        not null,
    centerpoint_id text        not null,
    tenant_id      text        not null,
    display_name   text        not null,
    parent_qbo_id  text,
    announced_at   timestamptz not null default now(),
    primary key (realm_id, entity_type, centerpoint_id)
);
create index announced_creates_by_name on announced_creates (realm_id, display_name);
