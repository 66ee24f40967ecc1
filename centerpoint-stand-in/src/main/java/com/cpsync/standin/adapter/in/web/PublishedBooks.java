package com.cpsync.standin.adapter.in.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectInvoiced;
import com.cpsync.schemas.avro.ProjectUpdated;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceSent;
import com.cpsync.schemas.avro.ServiceInvoiceUpdated;
import com.cpsync.schemas.avro.ServiceTicket;
import com.cpsync.schemas.avro.ServiceTicketCreated;
import com.cpsync.schemas.avro.ServiceTicketUpdated;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.standin.json.StandInJsonViews;

/**
 * What the stand-in published per tenant, for the books read API (docs/reconciliation.md, "The Centerpoint
 * contract"): the latest event of each company, project, ticket and service invoice (and whether the invoice was
 * sent, the project invoiced), and the latest settings. Kept in memory, as the rest of the stand-in's data.
 */
@Component
public class PublishedBooks {

    private final Map<String, Map<String, Published>> events = new ConcurrentHashMap<>();
    private final Map<String, SyncSettings> settings = new ConcurrentHashMap<>();

    /** The latest event of one entity, and whether it has ever been sent (invoice) or invoiced (project). */
    record Published(String entity, String id, CenterpointEvent event, boolean sent) {
    }

    public void record(CenterpointEvent event) {
        Optional<Published> entry = entryOf(event);
        entry.ifPresent(published -> events.computeIfAbsent(event.getTenantId(), t -> new ConcurrentHashMap<>())
                .merge(published.entity() + "|" + published.id(), published, (old, now) ->
                        new Published(now.entity(), now.id(), now.event(), old.sent() || now.sent())));
    }

    public void record(SyncSettings tenantSettings) {
        settings.put(tenantSettings.getTenantId(), tenantSettings);
    }

    /** The entity's latest event again: same payload, a new id, now, the given causation. Empty: never published. */
    public Optional<CenterpointEvent> reemit(String tenantId, String entity, String id, String causationId) {
        Published published = events.getOrDefault(tenantId, Map.of()).get(entity + "|" + id);
        if (published == null) {
            return Optional.empty();
        }
        return Optional.of(CenterpointEvent.newBuilder(published.event()).setEventId(UUID.randomUUID().toString())
                .setOccurredAt(Instant.now()).setCausationId(causationId).build());
    }

    public Map<String, Object> settingsOf(String tenantId) {
        SyncSettings known = settings.get(tenantId);
        return known == null ? null : StandInJsonViews.record(known);
    }

    /** The published entities as book records. */
    public List<Map<String, Object>> recordsOf(String tenantId) {
        List<Map<String, Object>> records = new ArrayList<>();
        for (Published published : events.getOrDefault(tenantId, Map.of()).values()) {
            records.add(view(published));
        }
        return records;
    }

    private static Map<String, Object> view(Published published) {
        Object payload = published.event().getPayload();
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("entity", published.entity());
        record.put("id", published.id());
        record.put("changedAt", published.event().getOccurredAt().toString());
        if (payload instanceof CompanyCreated created) {
            record.put("name", created.getCompany().getName());
        }
        else if (payload instanceof CompanyUpdated updated) {
            record.put("name", updated.getCompany().getName());
        }
        else if (projectOf(payload) != null) {
            Project project = projectOf(payload);
            record.put("name", project.getName());
            record.put("companyId", project.getCompanyId());
            record.put("sent", published.sent());
        }
        else if (ticketOf(payload) != null) {
            ServiceTicket ticket = ticketOf(payload);
            record.put("name", jobName(ticket));
            record.put("companyId", ticket.getCompanyId());
        }
        else {
            ServiceInvoice invoice = invoiceOf(payload);
            record.put("companyId", invoice.getCompanyId());
            record.put("ownerId", invoice.getTicketId());
            record.put("number", invoice.getNumber());
            record.put("date", invoice.getIssueDate().toString());
            record.put("total", String.valueOf(invoice.getTotal()));
            record.put("sent", published.sent());
        }
        return record;
    }

    /** The ticket's name as a QBO job: "Ticket &lt;number&gt; - &lt;summary&gt;" (cp-outbound-service's JobNames). */
    private static String jobName(ServiceTicket ticket) {
        String number = ticket.getNumber() == null || ticket.getNumber().isBlank() ? ticket.getId() : ticket.getNumber();
        String summary = ticket.getSummary();
        return "Ticket " + number + (summary == null || summary.isBlank() ? "" : " - " + summary);
    }

    private static Optional<Published> entryOf(CenterpointEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof CompanyCreated created) {
            return Optional.of(new Published("COMPANY", created.getCompany().getId(), event, false));
        }
        if (payload instanceof CompanyUpdated updated) {
            return Optional.of(new Published("COMPANY", updated.getCompany().getId(), event, false));
        }
        if (projectOf(payload) != null) {
            return Optional.of(new Published("PROJECT", projectOf(payload).getId(), event,
                    payload instanceof ProjectInvoiced));
        }
        if (ticketOf(payload) != null) {
            return Optional.of(new Published("SERVICE_TICKET", ticketOf(payload).getId(), event, false));
        }
        if (invoiceOf(payload) != null) {
            return Optional.of(new Published("SERVICE_INVOICE", invoiceOf(payload).getId(), event,
                    payload instanceof ServiceInvoiceSent));
        }
        return Optional.empty();
    }

    private static Project projectOf(Object payload) {
        return payload instanceof ProjectCreated p ? p.getProject() : payload instanceof ProjectUpdated p ? p.getProject()
                : payload instanceof ProjectInvoiced p ? p.getProject() : null;
    }

    private static ServiceTicket ticketOf(Object payload) {
        return payload instanceof ServiceTicketCreated t ? t.getTicket()
                : payload instanceof ServiceTicketUpdated t ? t.getTicket() : null;
    }

    private static ServiceInvoice invoiceOf(Object payload) {
        return payload instanceof ServiceInvoiceCreated i ? i.getInvoice()
                : payload instanceof ServiceInvoiceUpdated i ? i.getInvoice()
                        : payload instanceof ServiceInvoiceSent i ? i.getInvoice() : null;
    }
}
