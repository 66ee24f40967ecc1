package com.cpsync.standin;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.InvoiceKind;
import com.cpsync.schemas.avro.InvoiceLine;
import com.cpsync.schemas.avro.PaymentApplication;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;

/** Test data for the stand-in's tests. */
public final class StandInFixtures {

    public static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private StandInFixtures() {
    }

    public static Map<String, Object> aCompanyCreatedJson(String companyId, String name) {
        return Map.of("type", "CompanyCreated", "company", Map.of(
                "id", companyId, "name", name, "email", "ap@acme.example",
                "billingAddress", Map.of("line1", "1 Main St", "city", "Austin", "region", "TX",
                        "postalCode", "78701", "country", "US")));
    }

    public static Map<String, Object> aServiceInvoiceCreatedJson() {
        return Map.of("type", "ServiceInvoiceCreated", "eventId", "evt-inv-1", "invoice", Map.of(
                "id", "inv-1", "companyId", "c-1", "ticketId", "t-1", "number", "SI-1001",
                "issueDate", "2026-03-01", "dueDate", "2026-03-31",
                "lines", List.of(Map.of("description", "Labour", "quantity", "2", "unitPrice", "95.00", "amount", "190.00")),
                "total", "190.00"));
    }

    public static CenterpointCommand aCommand(String commandId, String tenantId, Object payload) {
        return CenterpointCommand.newBuilder()
                .setCommandId(commandId)
                .setTenantId(tenantId)
                .setRealmId("realm-1")
                .setOccurredAt(NOW)
                .setCausationId("change-" + commandId)
                .setPayload(payload)
                .build();
    }

    public static UpsertCompany aNewCompanyFromQbo(String qboCustomerId, String name) {
        return UpsertCompany.newBuilder().setCompanyId(null).setQboCustomerId(qboCustomerId).setName(name).build();
    }

    public static UpsertProjectInvoice aProjectInvoice(String projectId, String qboInvoiceId, String total) {
        return UpsertProjectInvoice.newBuilder()
                .setProjectId(projectId)
                .setQboInvoiceId(qboInvoiceId)
                .setDocNumber("1001")
                .setTxnDate(LocalDate.parse("2026-03-01"))
                .setLines(List.of(InvoiceLine.newBuilder().setDescription("Work").setQuantity("1")
                        .setUnitPrice(total).setAmount(total).build()))
                .setTotal(total)
                .setBalance(total)
                .setVoided(false)
                .build();
    }

    public static DeleteProjectInvoice aProjectInvoiceDeletion(String projectId, String qboInvoiceId) {
        return new DeleteProjectInvoice(projectId, qboInvoiceId);
    }

    public static UpsertInvoicePayment aPayment(String qboPaymentId, String qboInvoiceId, String amount) {
        return UpsertInvoicePayment.newBuilder()
                .setQboPaymentId(qboPaymentId)
                .setTxnDate(LocalDate.parse("2026-03-05"))
                .setTotalAmount(amount)
                .setApplications(List.of(PaymentApplication.newBuilder()
                        .setInvoiceKind(InvoiceKind.PROJECT_INVOICE)
                        .setQboInvoiceId(qboInvoiceId)
                        .setProjectId("p-1")
                        .setAmount(amount)
                        .build()))
                .setVoided(false)
                .build();
    }

    public static DeleteInvoicePayment aPaymentDeletion(String qboPaymentId) {
        return new DeleteInvoicePayment(qboPaymentId);
    }
}
