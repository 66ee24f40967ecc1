package com.cpsync.outbound.application;

import java.util.List;
import java.util.Optional;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.QboGateway.QboRefused;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Action;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.events.EventPayload.InvoiceChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.invoices.BillTo;
import com.cpsync.outbound.domain.invoices.ExistingInvoice;
import com.cpsync.outbound.domain.invoices.InvoiceChanges;
import com.cpsync.outbound.domain.invoices.InvoiceDecision;
import com.cpsync.outbound.domain.invoices.InvoiceInQbo;
import com.cpsync.outbound.domain.invoices.InvoiceMapping;
import com.cpsync.outbound.domain.invoices.InvoiceSyncPolicy;
import com.cpsync.outbound.domain.invoices.InvoiceTrigger;
import com.cpsync.outbound.domain.jobs.JobDecision;
import com.cpsync.outbound.domain.jobs.RequestIds;
import com.cpsync.outbound.domain.jobs.TicketSyncPolicy;
import com.cpsync.outbound.domain.settings.OutboundSettings;

/**
 * Service invoices → QBO invoices. An invoice event is also the ticket's "invoiced"/"invoice sent"
 * trigger, so the ticket's job is brought first when its setting says so, then the company's customer.
 * Returns the key of a parent whose Centerpoint state was never seen, when the event must wait for it.
 */
public record SyncInvoices(TenantQbo qbo, MappingGateway mapping, EntityStateStore state, OutcomePublisher outcomes,
        SyncCompany companies, SyncJobs jobs) {

    public Optional<String> handle(OutboundEvent event, InvoiceChanged change, OutboundSettings settings) {
        ServiceInvoice invoice = change.entity();
        InvoiceTrigger trigger = InvoiceTrigger.of(change.kind());
        String tenantId = event.tenantId();
        Optional<String> invoiceLink = mapping.findLink(tenantId, EntityKind.SERVICE_INVOICE, invoice.id());
        Optional<String> ticketLink = invoice.ticketId() == null ? Optional.empty()
                : mapping.findLink(tenantId, EntityKind.SERVICE_TICKET, invoice.ticketId());
        JobDecision ticketDecision = invoice.ticketId() == null ? null
                : TicketSyncPolicy.decide(settings, trigger.ticketTrigger(), ticketLink.isPresent());
        ParentResult ticketJob = ticketLink.<ParentResult>map(ParentResult.InQbo::new).orElse(null);
        if (ticketDecision instanceof JobDecision.Create && ticketLink.isEmpty()) {
            Optional<ServiceTicket> ticket = state.find(tenantId, ServiceTicket.class, invoice.ticketId());
            if (ticket.isEmpty()) {
                return Optional.of(EntityKind.SERVICE_TICKET + ":" + invoice.ticketId());
            }
            ticketJob = jobs.apply(event, SyncJobs.Job.of(ticket.get()), ticketDecision, settings);
            if (ticketJob instanceof ParentResult.Unseen unseen) {
                return Optional.of(unseen.parentKey());
            }
        }
        InvoiceDecision decision = InvoiceSyncPolicy.decide(settings, trigger, invoiceLink.isPresent(),
                ticketLink.isPresent(), ticketDecision);
        if (decision instanceof InvoiceDecision.Skip skip) {
            publish(event, invoice, null, Action.NONE, Result.SKIPPED_BY_SETTINGS, skip.reason(), null);
        }
        else if (decision instanceof InvoiceDecision.AlreadySynced synced) {
            publish(event, invoice, invoiceLink.orElse(null), Action.NONE, Result.SYNCED, synced.reason(), null);
        }
        else if (decision instanceof InvoiceDecision.Update) {
            update(event, invoice, invoiceLink.orElseThrow(), settings);
        }
        else {
            return create(event, invoice, ((InvoiceDecision.Create) decision).billTo(), ticketJob, settings);
        }
        return Optional.empty();
    }

    private Optional<String> create(OutboundEvent event, ServiceInvoice invoice, BillTo billTo, ParentResult ticketJob,
            OutboundSettings settings) {
        ParentResult company = companies.ensureParent(event, invoice.companyId(), settings);
        if (company instanceof ParentResult.Unseen unseen) {
            return Optional.of(unseen.parentKey());
        }
        if (company instanceof ParentResult.Unavailable unavailable) {
            publish(event, invoice, null, Action.CREATE, unavailable.result(), unavailable.reason(), null);
            return Optional.empty();
        }
        ParentResult customer = billTo == BillTo.TICKET_JOB ? ticketJob : company;
        if (customer instanceof ParentResult.Unavailable job) {
            // the ticket's job failed or is held as a name conflict: the invoice shares its result
            publish(event, invoice, null, Action.CREATE, job.result(),
                    "the service ticket's QBO job could not be created: " + job.reason(), null);
            return Optional.empty();
        }
        String customerId = ((ParentResult.InQbo) customer).qboId();
        InvoiceMapping mapped = InvoiceMapping.forCreate(invoice, customerId, settings);
        if (mapped instanceof InvoiceMapping.Rejected rejected) {
            publish(event, invoice, null, Action.CREATE, Result.FAILED, rejected.reason(), null);
            return Optional.empty();
        }
        InvoiceMapping.Mapped invoiceToCreate = (InvoiceMapping.Mapped) mapped;
        ExistingInvoice.Decision existing = existing(event.tenantId(), invoice.id(), invoiceToCreate);
        if (existing instanceof ExistingInvoice.Link link) {
            qbo.linkFound(event.tenantId(), EntityKind.SERVICE_INVOICE, invoice.id(), link.qboId());
            publish(event, invoice, link.qboId(), Action.LINK, Result.SYNCED,
                    Reasons.of(link.reason(), invoiceToCreate.adjustments()), null);
            return Optional.empty();
        }
        if (existing instanceof ExistingInvoice.Conflict conflict) {
            publish(event, invoice, null, Action.NONE, Result.CONFLICT, conflict.reason(), null);
            return Optional.empty();
        }
        try {
            String qboId = createAndLink(event, invoice, invoiceToCreate);
            publish(event, invoice, qboId, Action.CREATE, Result.SYNCED,
                    Reasons.of(null, invoiceToCreate.adjustments()), null);
        }
        catch (QboRefused ex) {
            publish(event, invoice, null, Action.CREATE, Result.FAILED, ex.getMessage(), ex.code());
        }
        return Optional.empty();
    }

    /**
     * A numbered invoice's create is announced by DocNumber and customer, as customers are by name: a
     * payment of it that reaches qbo-inbound before the link (reply lost, mapping-service away) is then
     * still this invoice's payment. An invoice without a number has nothing to be recognised by.
     */
    private String createAndLink(OutboundEvent event, ServiceInvoice invoice, InvoiceMapping.Mapped toCreate) {
        String tenantId = event.tenantId();
        QboWrite.CreateInvoice write = new QboWrite.CreateInvoice(toCreate.fields());
        String requestId = RequestIds.forEvent(event.eventId(), EntityKind.SERVICE_INVOICE + ":" + invoice.id());
        String docNumber = toCreate.fields().docNumber();
        if (docNumber != null) {
            return qbo.createAnnounced(tenantId, EntityKind.SERVICE_INVOICE, invoice.id(), write, docNumber,
                    toCreate.fields().customerId(), requestId);
        }
        String qboId = qbo.create(tenantId, write, requestId).id();
        mapping.putLink(tenantId, EntityKind.SERVICE_INVOICE, invoice.id(), qboId);
        return qboId;
    }

    /**
     * What QBO already holds under the invoice's DocNumber for its customer, asked before every create
     * (one metered read): an earlier attempt's create may have been applied with its answer lost, or the
     * service may have stopped before linking it, and neither requestid replay nor 6140 can be relied on
     * (facts §11.2-3). Asking always needs no memory of the attempt, so it holds across restarts. An
     * invoice without a number gets QBO's own, and only its requestid guards it.
     */
    private ExistingInvoice.Decision existing(String tenantId, String centerpointId, InvoiceMapping.Mapped invoice) {
        String docNumber = invoice.fields().docNumber();
        if (docNumber == null) {
            return new ExistingInvoice.Create();
        }
        List<InvoiceInQbo> candidates = ExistingInvoice.sameNumberAndCustomer(qbo.findInvoices(tenantId, docNumber),
                docNumber, invoice.fields().customerId()).stream()
                // qbo-inbound links an earlier attempt's invoice to this one when a payment of it comes first
                .filter(found -> mapping.findLinkByQboId(tenantId, EntityKind.SERVICE_INVOICE, found.id())
                        .map(centerpointId::equals).orElse(true))
                .toList();
        return ExistingInvoice.decide(candidates, docNumber, invoice.total());
    }

    private void update(OutboundEvent event, ServiceInvoice invoice, String qboId, OutboundSettings settings) {
        Optional<ServiceInvoice> previous = event.resync() ? Optional.empty()
                : state.find(event.tenantId(), ServiceInvoice.class, invoice.id());
        InvoiceChanges changes = previous.map(p -> InvoiceChanges.between(p, invoice)).orElse(InvoiceChanges.all());
        InvoiceMapping update = InvoiceMapping.forUpdate(invoice, changes, settings);
        if (update instanceof InvoiceMapping.Unchanged) {
            publish(event, invoice, qboId, Action.NONE, Result.SYNCED, "no invoice field changed", null);
            return;
        }
        if (update instanceof InvoiceMapping.Rejected rejected) {
            publish(event, invoice, qboId, Action.UPDATE, Result.FAILED, rejected.reason(), null);
            return;
        }
        InvoiceMapping.Mapped mapped = (InvoiceMapping.Mapped) update;
        new SparseUpdates(qbo, outcomes).send(event, EntityKind.SERVICE_INVOICE, invoice.id(), QboWrite.INVOICE,
                qboId, token -> new QboWrite.UpdateInvoice(qboId, token, mapped.fields()),
                Reasons.of(null, mapped.adjustments()));
    }

    private void publish(OutboundEvent event, ServiceInvoice invoice, String qboId, Action action, Result result,
            String reason, String code) {
        outcomes.publish(new SyncOutcomeRecord(event.tenantId(), null, event.eventId(), EntityKind.SERVICE_INVOICE,
                invoice.id(), qboId, action, result, reason, code));
    }
}
