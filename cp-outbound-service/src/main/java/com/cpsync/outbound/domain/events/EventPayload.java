package com.cpsync.outbound.domain.events;

import com.cpsync.outbound.domain.centerpoint.CenterpointEntity;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;

/** What happened, with the entity's full current state (events are fat). */
public sealed interface EventPayload {

    /** The entity the event is about, in its full current state. */
    CenterpointEntity entity();

    /** The Centerpoint id of the entity the event is about. */
    default String entityId() {
        return entity().id();
    }

    record CompanyChanged(Kind kind, Company entity) implements EventPayload {
        public enum Kind { CREATED, UPDATED }
    }

    record ProjectChanged(Kind kind, Project entity) implements EventPayload {
        public enum Kind { CREATED, UPDATED, INVOICED }
    }

    record TicketChanged(Kind kind, ServiceTicket entity) implements EventPayload {
        public enum Kind { CREATED, UPDATED }
    }

    record InvoiceChanged(Kind kind, ServiceInvoice entity) implements EventPayload {
        public enum Kind { CREATED, UPDATED, SENT }
    }
}
