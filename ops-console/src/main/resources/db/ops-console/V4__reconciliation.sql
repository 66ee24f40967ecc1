-- Reconciliations of a tenant's books (issue 12, docs/reconciliation.md): RUNNING until the report is stored.
create table reconciliation (
    id           bigserial primary key,
    tenant_id    text        not null,
    requested_by text        not null,
    status       text        not null,
    started_at   timestamptz not null,
    finished_at  timestamptz,
    report       text
);
create index reconciliation_tenant on reconciliation (tenant_id, id);
