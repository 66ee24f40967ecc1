package com.cpsync.outbound.domain.invoices;

/** Which QBO customer an invoice's CustomerRef names. */
public enum BillTo {
    /** The service ticket's sub-customer (job). */
    TICKET_JOB,
    /** The company's top-level customer. */
    COMPANY_CUSTOMER
}
