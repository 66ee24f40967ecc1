package com.cpsync.deploy.chaos.audit;

import java.util.ArrayList;
import java.util.List;

import com.cpsync.deploy.chaos.workload.Tokens;

/**
 * Finds the copies of a record by its token: QBO customers and jobs whose name starts with it, QBO
 * invoices with it as DocNumber; Centerpoint companies, project invoices and payments of a QBO record
 * by its QBO id (a company also by its name).
 */
final class CopyLocator {

    private CopyLocator() {
    }

    static List<Auditor.Copy> locate(ExpectedRecord record, String realmId, QboSnapshot qbo, CenterpointSnapshot centerpoint) {
        QboSnapshot.Books books = qbo.realm(realmId);
        CenterpointSnapshot.Books received = centerpoint.tenant(record.tenantId());
        List<Auditor.Copy> copies = new ArrayList<>();
        switch (record.entity()) {
            case COMPANY:
                books.customers().stream().filter(c -> !c.job() && Tokens.marks(c.displayName(), record.token()))
                        .forEach(c -> copies.add(new Auditor.Copy(c.id(), View.of("name", c.displayName(), "email", c.email()))));
                break;
            case PROJECT:
                books.customers().stream().filter(c -> c.job() && Tokens.marks(c.displayName(), record.token()))
                        .forEach(c -> copies.add(new Auditor.Copy(c.id(), View.of("name", c.displayName(), "@parent", c.parentId()))));
                break;
            case SERVICE_TICKET:
                books.customers().stream().filter(c -> c.job() && Tokens.marks(c.displayName(), "Ticket " + record.token()))
                        .forEach(c -> copies.add(new Auditor.Copy(c.id(), View.of("name", c.displayName(), "@parent", c.parentId()))));
                break;
            case SERVICE_INVOICE:
                books.invoices().stream().filter(i -> record.token().equals(i.docNumber()))
                        .forEach(i -> copies.add(new Auditor.Copy(i.id(), View.of("total", View.money(i.total()),
                                "lines", View.amounts(i.lineAmounts()), "@customer", i.customerId()))));
                break;
            case QBO_CUSTOMER:
                received.companies().stream()
                        .filter(c -> (record.qboId() != null && record.qboId().equals(c.qboCustomerId()))
                                || Tokens.marks(c.name(), record.token()))
                        .forEach(c -> copies.add(new Auditor.Copy(c.id(), View.of("name", c.name(), "email", c.email()))));
                break;
            case PROJECT_INVOICE:
                received.projectInvoices().stream().filter(i -> record.qboId() != null && record.qboId().equals(i.qboInvoiceId()))
                        .forEach(i -> copies.add(new Auditor.Copy(i.projectId() + ":" + i.qboInvoiceId(), View.of(
                                "project", i.projectId(), "total", View.money(i.total()), "lines", View.amounts(i.lineAmounts())))));
                break;
            default:
                received.payments().stream().filter(p -> record.qboId() != null && record.qboId().equals(p.qboPaymentId()))
                        .forEach(p -> copies.add(new Auditor.Copy(p.qboPaymentId(), paymentView(p))));
        }
        return copies;
    }

    private static View paymentView(CenterpointSnapshot.Payment payment) {
        if (payment.applications().size() != 1) {
            return View.of("total", View.money(payment.total()), "applications", String.valueOf(payment.applications().size()));
        }
        CenterpointSnapshot.Application application = payment.applications().get(0);
        return View.of("total", View.money(payment.total()), "amount", View.money(application.amount()),
                "kind", application.kind(), "centerpoint", String.valueOf(application.centerpointId()),
                "@invoice", application.qboInvoiceId());
    }
}
