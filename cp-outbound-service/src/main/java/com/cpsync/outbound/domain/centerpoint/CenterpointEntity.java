package com.cpsync.outbound.domain.centerpoint;

/** A Centerpoint record an event carries in full: a company, project, service ticket or service invoice. */
public sealed interface CenterpointEntity permits Company, Project, ServiceTicket, ServiceInvoice {

    /** Its Centerpoint id. */
    String id();
}
