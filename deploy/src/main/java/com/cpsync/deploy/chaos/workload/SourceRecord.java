package com.cpsync.deploy.chaos.workload;

/**
 * A record the workload makes: in Centerpoint (company, project, ticket, service invoice) or in QBO
 * (customer, project invoice, payment). Its token is unique in its tenant and travels in the
 * record's name or number, so the auditor finds every copy of it, including ones no link points to.
 */
public sealed interface SourceRecord
        permits Company, Project, Ticket, ServiceInvoice, QboCustomer, QboInvoice, QboPayment {

    /** The Centerpoint id; for a record made in QBO, its token. */
    String id();

    String token();
}
