package com.cpsync.deploy.chaos.audit;

/** What the auditor compares, one row of its table each: a source record and where its copy must be. */
public enum AuditedEntity {
    COMPANY("company", "Centerpoint -> QBO customer"),
    PROJECT("project", "Centerpoint -> QBO sub-customer"),
    SERVICE_TICKET("service ticket", "Centerpoint -> QBO sub-customer"),
    SERVICE_INVOICE("service invoice", "Centerpoint -> QBO invoice"),
    QBO_CUSTOMER("customer", "QBO -> Centerpoint company"),
    PROJECT_INVOICE("project invoice", "QBO -> Centerpoint project"),
    PAYMENT("payment", "QBO -> Centerpoint payment");

    private final String label;
    private final String direction;

    AuditedEntity(String label, String direction) {
        this.label = label;
        this.direction = direction;
    }

    public String label() {
        return label;
    }

    public String direction() {
        return direction;
    }

    /** The {@code entityType} of this entity's outcomes ({@code SyncEntityType}); a QBO customer's are COMPANY. */
    public String outcomeEntityType() {
        return this == QBO_CUSTOMER ? COMPANY.name() : name();
    }

    public boolean fromCenterpoint() {
        return ordinal() <= SERVICE_INVOICE.ordinal();
    }
}
