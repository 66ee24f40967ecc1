-- Links between Centerpoint and QBO ids: unique both ways per tenant and entity type.
create table links (
    tenant_id      text        not null,
    entity_type    text        not null,
    centerpoint_id text        not null,
    qbo_id         text        not null,
    created_at     timestamptz not null default now(),
    primary key (tenant_id, entity_type, centerpoint_id),
    constraint links_qbo_unique unique (tenant_id, entity_type, qbo_id)
);

-- Open name conflicts from match-before-create (one per company; a later LINK/CREATE clears it).
create table customer_conflicts (
    tenant_id      text        not null,
    centerpoint_id text        not null,
    display_name   text        not null,
    reason         text        not null,
    created_at     timestamptz not null default now(),
    updated_at     timestamptz not null default now(),
    primary key (tenant_id, centerpoint_id)
);

-- What we wrote to QBO (latest per entity) for echo suppression. qbo_entity_key is the lower-cased name.
create table write_records (
    realm_id       text        not null,
    qbo_entity_key text        not null,
    qbo_entity     text        not null,
    qbo_id         text        not null,
    tenant_id      text,
    sync_token     text        not null,
    written_at     timestamptz not null default now(),
    primary key (realm_id, qbo_entity_key, qbo_id)
);

-- The newest QBO change applied per entity: ordering and dedupe for qbo-inbound-service.
create table applied_changes (
    realm_id       text        not null,
    qbo_entity_key text        not null,
    qbo_id         text        not null,
    last_updated   timestamptz not null,
    sync_token     text,
    applied_at     timestamptz not null default now(),
    primary key (realm_id, qbo_entity_key, qbo_id)
);

-- One QBO connection per tenant; tokens are AES-GCM ciphertext, never plaintext.
create table connections (
    tenant_id             text        primary key,
    realm_id              text        not null,
    status                text        not null,
    access_token_enc      text,
    refresh_token_enc     text,
    access_expires_at     timestamptz,
    refresh_expires_at    timestamptz,
    created_at            timestamptz not null default now(),
    updated_at            timestamptz not null default now()
);
-- A realm serves one tenant at a time; a disconnected tenant's old row may still name it.
create unique index connections_connected_realm_unique on connections (realm_id) where status = 'CONNECTED';

-- OAuth state values in flight: single-use, bound to the tenant, short-lived.
create table oauth_states (
    state      text        primary key,
    tenant_id  text        not null,
    created_at timestamptz not null default now()
);

create table cdc_cursors (
    realm_id      text        primary key,
    changed_since timestamptz not null,
    updated_at    timestamptz not null default now()
);
