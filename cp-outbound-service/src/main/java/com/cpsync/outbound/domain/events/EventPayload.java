package com.cpsync.outbound.domain.events;

import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;

/** What happened, with the entity's full current state (events are fat). */
public sealed interface EventPayload {

    /** The Centerpoint id of the entity the event is about. */
    String entityId();

    record CompanyChanged(Kind kind, Company company) implements EventPayload {
        public enum Kind { CREATED, UPDATED }

        public String entityId() {
            return company.id();
        }
    }

    record ProjectChanged(Kind kind, Project project) implements EventPayload {
        public enum Kind { CREATED, UPDATED, INVOICED }

        public String entityId() {
            return project.id();
        }
    }

    record TicketChanged(Kind kind, ServiceTicket ticket) implements EventPayload {
        public enum Kind { CREATED, UPDATED }

        public String entityId() {
            return ticket.id();
        }
    }

    record InvoiceChanged(Kind kind, ServiceInvoice invoice) implements EventPayload {
        public enum Kind { CREATED, UPDATED, SENT }

        public String entityId() {
            return invoice.id();
        }
    }
}
