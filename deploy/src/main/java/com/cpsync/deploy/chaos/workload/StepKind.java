package com.cpsync.deploy.chaos.workload;

/** What one workload step does: a Centerpoint event (through the stand-in) or a change a user makes in QBO. */
public enum StepKind {
    COMPANY_CREATED("CompanyCreated"),
    COMPANY_UPDATED("CompanyUpdated"),
    PROJECT_CREATED("ProjectCreated"),
    PROJECT_UPDATED("ProjectUpdated"),
    TICKET_CREATED("ServiceTicketCreated"),
    TICKET_UPDATED("ServiceTicketUpdated"),
    INVOICE_CREATED("ServiceInvoiceCreated"),
    INVOICE_UPDATED("ServiceInvoiceUpdated"),
    INVOICE_SENT("ServiceInvoiceSent"),
    QBO_CUSTOMER_CREATED(null),
    QBO_CUSTOMER_RENAMED(null),
    QBO_INVOICE_CREATED(null),
    QBO_INVOICE_CHANGED(null),
    QBO_INVOICE_DELETED(null),
    QBO_PAYMENT_CREATED(null),
    QBO_PAYMENT_CHANGED(null),
    QBO_PAYMENT_DELETED(null);

    private final String eventType;

    StepKind(String eventType) {
        this.eventType = eventType;
    }

    public boolean isCenterpointEvent() {
        return eventType != null;
    }

    /** The stand-in's event type (the Avro payload branch); only for Centerpoint events. */
    public String eventType() {
        if (eventType == null) {
            throw new IllegalStateException(this + " is a QBO change, not a Centerpoint event");
        }
        return eventType;
    }

    public boolean isQboCreate() {
        return this == QBO_CUSTOMER_CREATED || this == QBO_INVOICE_CREATED || this == QBO_PAYMENT_CREATED;
    }

    public boolean isQboDelete() {
        return this == QBO_INVOICE_DELETED || this == QBO_PAYMENT_DELETED;
    }
}
