package com.cpsync.outbound.adapter.in.kafka.work;

import java.util.function.Function;

import com.cpsync.outbound.application.HandleCenterpointEvent;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.jobs.JobNames;
import com.cpsync.qbo.client.names.DisplayNames;

/**
 * Which queue an event joins. By company: each tenant has a lane per Centerpoint company, so a company's
 * records (the company, its projects, tickets and invoices) keep their order, parents before children, while
 * other companies of the tenant go at the same time; that is what lets one realm's calls share a QBO batch.
 * By partition: one FIFO per partition, every tenant of it in one line (the "fairness off" anchor of the
 * benchmark's P3, never the default).
 */
public final class WorkQueueKeys {

    private WorkQueueKeys() {
    }

    public static Function<WorkItem, WorkQueueKey> byTenantAndCompany() {
        return item -> {
            OutboundEvent event = item.event();
            String company = companyOf(event.payload());
            // a record without its company cannot be placed beside its parent: it keeps to the tenant's lane ""
            return new WorkQueueKey(event.tenantId(), company == null ? "" : company,
                    HandleCenterpointEvent.stateKey(event.payload()), nameOf(event.payload()));
        };
    }

    public static Function<WorkItem, WorkQueueKey> byPartition() {
        return item -> WorkQueueKey.single("partition-" + item.origin().partition());
    }

    /**
     * The QBO name a record may look for and create (customer or job: one name list), normalised as QBO compares
     * names; null for an invoice. Side by side, two records of one name would both find it free and both create
     * it: one would meet 6240 instead of the suffix or hold its settings ask for.
     */
    static String nameOf(EventPayload payload) {
        String name;
        if (payload instanceof EventPayload.CompanyChanged company) {
            name = DisplayNames.displayName(company.entity().name());
        }
        else if (payload instanceof EventPayload.ProjectChanged project) {
            name = JobNames.forProject(project.entity());
        }
        else if (payload instanceof EventPayload.TicketChanged ticket) {
            name = JobNames.forTicket(ticket.entity());
        }
        else {
            return null;
        }
        return "name:" + DisplayNames.normalise(name);
    }

    /** The Centerpoint company a record belongs to: its lane within the tenant. */
    static String companyOf(EventPayload payload) {
        if (payload instanceof EventPayload.CompanyChanged company) {
            return company.entity().id();
        }
        if (payload instanceof EventPayload.ProjectChanged project) {
            return project.entity().companyId();
        }
        if (payload instanceof EventPayload.TicketChanged ticket) {
            return ticket.entity().companyId();
        }
        return ((EventPayload.InvoiceChanged) payload).entity().companyId();
    }
}
