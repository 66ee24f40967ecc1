package com.cpsync.inbound.application;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.decision.Command.InvoiceKind;
import com.cpsync.inbound.domain.decision.Command.PaymentApplication;
import com.cpsync.inbound.domain.decision.CustomerDecisions;
import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.inbound.domain.decision.InvoiceDecisions;
import com.cpsync.inbound.domain.decision.InvoiceFacts;
import com.cpsync.inbound.domain.decision.PaymentDecisions;
import com.cpsync.inbound.domain.decision.SyncedEntity;
import com.cpsync.inbound.domain.qbo.QboCustomer;
import com.cpsync.inbound.domain.qbo.QboInvoice;
import com.cpsync.inbound.domain.qbo.QboPayment;
import com.cpsync.inbound.domain.qbo.QboPayment.AppliedAmount;
import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.LinkClash;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.OurWrite;

/** Loads the facts one decision needs from mapping-service (and QBO when unavoidable) and decides. */
public record DecideChange(MappingDirectory mapping, QboReads qbo, QboEntityParser parser) {

    /** Project invoices we emitted are linked as {@code <projectId>:<qboInvoiceId>} → qboInvoiceId. */
    static final char PROJECT_INVOICE_SEPARATOR = ':';

    /** What cp-outbound announces as a QBO customer: companies, and jobs for projects and tickets. */
    private static final Set<LinkedEntity> CUSTOMER_CREATES =
            EnumSet.of(LinkedEntity.COMPANY, LinkedEntity.PROJECT, LinkedEntity.SERVICE_TICKET);

    /** @param state the entity's current JSON; empty when QBO no longer has it */
    public Decision decide(Connection connection, EntityChange change, Optional<String> state,
            InboundSettings settings) {
        switch (change.entity()) {
            case CUSTOMER: return customer(connection, change, state, settings);
            case INVOICE: return invoice(connection, change, state, settings);
            case PAYMENT: return payment(connection, change, state, settings);
            default: throw new IllegalArgumentException(change.entity().qboName() + " changes are not synced");
        }
    }

    private Decision customer(Connection connection, EntityChange change, Optional<String> state,
            InboundSettings settings) {
        QboCustomer customer = state.map(parser::customer).orElse(null);
        String linked = mapping.centerpointIdOf(connection.tenantId(), "COMPANY", change.entityId()).orElse(null);
        Optional<OurWrite> ourWrite = customer == null || customer.job() ? Optional.empty()
                : mapping.ourWrite(connection.realmId(), QboEntity.CUSTOMER.qboName(), change.entityId());
        String ours = ourWrite.map(OurWrite::syncToken).orElse(null);
        boolean unknown = customer != null && customer.displayName() != null && linked == null
                && !Objects.equals(customer.syncToken(), ours);
        Optional<AnnouncedCreate> claimed = unknown ? claimAnnounced(connection, customer) : Optional.empty();
        if (claimed.isPresent() && claimed.get().entity() == LinkedEntity.COMPANY) {
            return new EchoSuppressed(SyncedEntity.COMPANY, claimed.get().centerpointId(), change.entityId(),
                    customer.syncToken());
        }
        return inWritersTrace(CustomerDecisions.decide(change.entityId(), customer, linked, ours, settings), ourWrite);
    }

    /** An echo's outcome joins the trace of the write it echoes (one read of our write serves both). */
    private static Decision inWritersTrace(Decision decision, Optional<OurWrite> ourWrite) {
        if (decision instanceof EchoSuppressed echo && ourWrite.map(OurWrite::traceId).isPresent()) {
            return echo.inTraceOf(ourWrite.get().traceId());
        }
        return decision;
    }

    /**
     * A QBO customer or job no link names may be cp-outbound's create whose reply was lost: it announced
     * the create with this exact name and parent before sending it. Linking it here makes it that
     * record's copy (an echo), never a second company; cp-outbound's retry then finds the link.
     */
    private Optional<AnnouncedCreate> claimAnnounced(Connection connection, QboCustomer customer) {
        return claimAnnounced(connection, CUSTOMER_CREATES, customer.displayName(), customer.parentId(), customer.id());
    }

    /**
     * Links the QBO entity to the Centerpoint record whose announced create it is: an announcement of one of
     * those kinds, of this tenant, with this name (an invoice's DocNumber) and parent (an invoice's customer).
     */
    private Optional<AnnouncedCreate> claimAnnounced(Connection connection, Set<LinkedEntity> kinds, String name,
            String parentId, String qboId) {
        for (AnnouncedCreate announced : mapping.announcedCreates(connection.realmId(), name)) {
            if (!kinds.contains(announced.entity()) || !announced.tenantId().equals(connection.tenantId())
                    || !announced.describes(name, parentId)) {
                continue;
            }
            try {
                mapping.link(connection.tenantId(), announced.entity().name(), announced.centerpointId(), qboId);
                return Optional.of(announced);
            }
            catch (LinkClash linkedOtherwise) {
                // that record already has its copy (or this entity another record): not this announcement
            }
        }
        return Optional.empty();
    }

    /**
     * The project of an invoice whose customer no link names: only while cp-outbound has project creates
     * announced (usually none, so no read) is the customer read and claimed as one of them.
     */
    private Optional<String> announcedProjectOf(Connection connection, QboInvoice invoice) {
        if (invoice.customerId() == null
                || mapping.announcedCreatesOf(connection.realmId(), LinkedEntity.PROJECT).isEmpty()) {
            return Optional.empty();
        }
        return qbo.read(connection, QboEntity.CUSTOMER, invoice.customerId()).map(parser::customer)
                .flatMap(customer -> claimAnnounced(connection, customer))
                .filter(claimed -> claimed.entity() == LinkedEntity.PROJECT).map(AnnouncedCreate::centerpointId);
    }

    private Decision invoice(Connection connection, EntityChange change, Optional<String> state,
            InboundSettings settings) {
        String tenant = connection.tenantId();
        QboInvoice invoice = state.map(parser::invoice).orElse(null);
        String serviceInvoice = mapping.centerpointIdOf(tenant, "SERVICE_INVOICE", change.entityId()).orElse(null);
        Optional<OurWrite> ourWrite = serviceInvoice == null ? Optional.empty()
                : mapping.ourWrite(connection.realmId(), QboEntity.INVOICE.qboName(), change.entityId());
        String ours = ourWrite.map(OurWrite::syncToken).orElse(null);
        Optional<String> imported = mapping.centerpointIdOf(tenant, "PROJECT_INVOICE", change.entityId());
        String projectId = imported.map(DecideChange::projectOf).orElse(null);
        if (invoice != null && serviceInvoice == null) {
            projectId = syncedProjectOf(tenant, invoice).or(() -> announcedProjectOf(connection, invoice))
                    .orElse(projectId);
        }
        InvoiceFacts facts = new InvoiceFacts(serviceInvoice, ours, projectId,
                emitted(connection, QboEntity.INVOICE, change.entityId(), imported.isPresent()));
        ChangeOperation operation = invoice == null ? ChangeOperation.DELETE : change.operation();
        return inWritersTrace(InvoiceDecisions.decide(change.entityId(), operation, invoice, facts, settings), ourWrite);
    }

    /**
     * Whether a command for this QBO transaction reached Centerpoint's commands topic before. Its link alone does
     * not say so: the link is written before the command is published (ProcessRealmChanges.linkFirst), and a
     * publish that failed after it left a link for a command Centerpoint never got. Taken for "emitted", the retry
     * was decided under "get changes" and skipped for good (chaos run 10: a payment lost while Kafka restarted). The
     * command's fingerprint is saved only once it is published.
     */
    private boolean emitted(Connection connection, QboEntity entity, String qboId, boolean linked) {
        return linked && mapping.appliedPayload(connection.realmId(), entity.qboName(), qboId).isPresent();
    }

    private Decision payment(Connection connection, EntityChange change, Optional<String> state,
            InboundSettings settings) {
        QboPayment payment = state.map(parser::payment).orElse(null);
        boolean imported = emitted(connection, QboEntity.PAYMENT, change.entityId(),
                mapping.centerpointIdOf(connection.tenantId(), "PAYMENT", change.entityId()).isPresent());
        List<PaymentApplication> applications = payment == null ? List.of() : applications(connection, payment);
        ChangeOperation operation = payment == null ? ChangeOperation.DELETE : change.operation();
        return PaymentDecisions.decide(change.entityId(), operation, payment, applications, imported, settings);
    }

    private List<PaymentApplication> applications(Connection connection, QboPayment payment) {
        List<PaymentApplication> applications = new ArrayList<>();
        for (AppliedAmount applied : payment.appliedToInvoices()) {
            application(connection, applied).ifPresent(applications::add);
        }
        return applications;
    }

    private Optional<PaymentApplication> application(Connection connection, AppliedAmount applied) {
        String tenant = connection.tenantId();
        String invoiceId = applied.qboInvoiceId();
        Optional<String> service = mapping.centerpointIdOf(tenant, "SERVICE_INVOICE", invoiceId);
        if (service.isPresent()) {
            return Optional.of(serviceInvoicePaid(service.get(), applied));
        }
        Optional<String> imported = mapping.centerpointIdOf(tenant, "PROJECT_INVOICE", invoiceId).map(DecideChange::projectOf);
        if (imported.isPresent()) {
            return Optional.of(projectInvoicePaid(imported.get(), applied));
        }
        // linked to neither: one metered read tells a synced project's invoice from one cp-outbound is still linking
        Optional<QboInvoice> invoice = qbo.read(connection, QboEntity.INVOICE, invoiceId).map(parser::invoice);
        if (invoice.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> project = syncedProjectOf(tenant, invoice.get())
                .or(() -> announcedProjectOf(connection, invoice.get()));
        if (project.isPresent()) {
            return Optional.of(projectInvoicePaid(project.get(), applied));
        }
        return announcedServiceInvoiceOf(connection, invoice.get())
                // no announcement: cp-outbound may have linked it and withdrawn it since the first look
                .or(() -> mapping.centerpointIdOf(tenant, "SERVICE_INVOICE", invoiceId))
                .map(serviceInvoice -> serviceInvoicePaid(serviceInvoice, applied));
    }

    /**
     * The service invoice whose create cp-outbound announced (by DocNumber and customer) and has not linked
     * yet, because its reply was lost or mapping-service was away: a payment of it is that invoice's payment.
     */
    private Optional<String> announcedServiceInvoiceOf(Connection connection, QboInvoice invoice) {
        if (invoice.docNumber() == null || invoice.customerId() == null) {
            return Optional.empty();
        }
        return claimAnnounced(connection, EnumSet.of(LinkedEntity.SERVICE_INVOICE), invoice.docNumber(),
                invoice.customerId(), invoice.id()).map(AnnouncedCreate::centerpointId);
    }

    private static PaymentApplication serviceInvoicePaid(String serviceInvoiceId, AppliedAmount applied) {
        return new PaymentApplication(InvoiceKind.SERVICE_INVOICE, serviceInvoiceId, applied.qboInvoiceId(), null,
                applied.amount());
    }

    private static PaymentApplication projectInvoicePaid(String projectId, AppliedAmount applied) {
        return new PaymentApplication(InvoiceKind.PROJECT_INVOICE, null, applied.qboInvoiceId(), projectId,
                applied.amount());
    }

    /** The synced project an invoice belongs to: its ProjectRef, else its customer (a project sub-customer). */
    private Optional<String> syncedProjectOf(String tenant, QboInvoice invoice) {
        Optional<String> byProjectRef = invoice.projectId() == null ? Optional.empty()
                : mapping.centerpointIdOf(tenant, "PROJECT", invoice.projectId());
        return byProjectRef.or(() -> invoice.customerId() == null ? Optional.empty()
                : mapping.centerpointIdOf(tenant, "PROJECT", invoice.customerId()));
    }

    static String projectInvoiceLinkId(String projectId, String qboInvoiceId) {
        return projectId + PROJECT_INVOICE_SEPARATOR + qboInvoiceId;
    }

    static String projectOf(String projectInvoiceLinkId) {
        int at = projectInvoiceLinkId.lastIndexOf(PROJECT_INVOICE_SEPARATOR);
        return at < 0 ? projectInvoiceLinkId : projectInvoiceLinkId.substring(0, at);
    }
}
