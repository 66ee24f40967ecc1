package com.cpsync.console.domain.reconciliation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which Centerpoint records the settings send to QBO, as cp-outbound-service decides it: an invoice by
 * {@code serviceInvoicesToQbo}, a ticket by its invoices, a project by {@code projectsToQbo}, and a company when
 * created or when anything of it is sent (a parent comes along with its child).
 */
public final class OutboundScope {

    private final BooksSettings settings;
    private final Set<String> sent = new HashSet<>();

    private OutboundScope(BooksSettings settings, List<CenterpointRecord> records) {
        this.settings = settings;
        records.stream().filter(r -> r.entity() == BooksEntity.SERVICE_INVOICE && invoiceSent(r)).forEach(invoice -> {
            sent.add(key(BooksEntity.SERVICE_INVOICE, invoice.id()));
            sent.add(key(BooksEntity.COMPANY, invoice.companyId()));
            if (ticketSentWith(invoice)) {
                sent.add(key(BooksEntity.SERVICE_TICKET, invoice.ownerId()));
            }
        });
        records.stream().filter(r -> r.entity() == BooksEntity.PROJECT && projectSent(r)).forEach(project -> {
            sent.add(key(BooksEntity.PROJECT, project.id()));
            sent.add(key(BooksEntity.COMPANY, project.companyId()));
        });
        records.stream().filter(r -> r.entity() == BooksEntity.SERVICE_TICKET && sent.contains(key(r.entity(), r.id())))
                .forEach(ticket -> sent.add(key(BooksEntity.COMPANY, ticket.companyId())));
        if ("WHEN_CREATED".equals(settings.companiesToQbo())) {
            records.stream().filter(r -> r.entity() == BooksEntity.COMPANY)
                    .forEach(company -> sent.add(key(BooksEntity.COMPANY, company.id())));
        }
    }

    public static OutboundScope of(BooksSettings settings, List<CenterpointRecord> records) {
        return new OutboundScope(settings, records);
    }

    public boolean sends(CenterpointRecord record) {
        return sent.contains(key(record.entity(), record.id()));
    }

    /** Why the settings leave the record in Centerpoint. */
    public String whyNot(CenterpointRecord record) {
        switch (record.entity()) {
            case COMPANY:
                return "companies are not sent on their own (companiesToQbo is " + settings.companiesToQbo()
                        + ") and nothing of this company is sent";
            case PROJECT:
                return "projects are not sent yet (projectsToQbo is " + settings.projectsToQbo() + ")";
            case SERVICE_TICKET:
                return "tickets are not sent yet (serviceTicketsToQbo is " + settings.serviceTicketsToQbo() + ")";
            default:
                return "service invoices are not sent yet (serviceInvoicesToQbo is " + settings.serviceInvoicesToQbo()
                        + ")";
        }
    }

    private boolean invoiceSent(CenterpointRecord invoice) {
        String when = settings.serviceInvoicesToQbo();
        return "WHEN_CREATED".equals(when) || "WHEN_SENT".equals(when) && invoice.sent();
    }

    private boolean ticketSentWith(CenterpointRecord invoice) {
        String when = settings.serviceTicketsToQbo();
        return invoice.ownerId() != null
                && ("WHEN_INVOICED".equals(when) || "WHEN_INVOICE_SENT".equals(when) && invoice.sent());
    }

    private boolean projectSent(CenterpointRecord project) {
        String when = settings.projectsToQbo();
        return "WHEN_CREATED".equals(when) || "WHEN_INVOICED".equals(when) && project.sent();
    }

    private static String key(BooksEntity entity, String id) {
        return entity + "|" + id;
    }
}
