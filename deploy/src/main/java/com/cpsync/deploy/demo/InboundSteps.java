package com.cpsync.deploy.demo;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import static com.cpsync.deploy.demo.Capability.COMPANIES;
import static com.cpsync.deploy.demo.Capability.INBOUND;
import static com.cpsync.deploy.demo.Capability.INVOICES;
import static com.cpsync.deploy.demo.Capability.PROJECTS;
import static com.cpsync.deploy.demo.DemoTenant.ACME;

/** QBO → Centerpoint: customers, project invoices and payments created in QBO reach the stand-in. */
final class InboundSteps extends DemoSteps {

    InboundSteps(DemoContext context) {
        super(context);
    }

    List<ScenarioStep> steps() {
        return List.of(
                step("Inbound: a customer created in QBO",
                        "a new Centerpoint company with that QBO customer id", Set.of(INBOUND), this::inboundCustomer),
                step("Inbound: that customer renamed in QBO",
                        "the same Centerpoint company renamed", Set.of(INBOUND), this::inboundCustomerChange),
                step("No echo back: the company created from QBO",
                        "not written to QBO again (ECHO_SUPPRESSED outcome, still one customer)",
                        Set.of(INBOUND, COMPANIES), this::noEchoOfOwnCommand),
                step("Inbound: a QBO invoice for the synced project",
                        "the invoice on the project in Centerpoint", Set.of(INBOUND, PROJECTS), this::inboundProjectInvoice),
                step("Inbound: a QBO payment of that invoice",
                        "the payment in Centerpoint with 200.00 applied to the invoice", Set.of(INBOUND, PROJECTS),
                        this::inboundPayment),
                step("Inbound: a QBO payment of the service invoice",
                        "the payment in Centerpoint applied to service invoice si-5001",
                        Set.of(INBOUND, INVOICES), this::inboundServiceInvoicePayment),
                step("Inbound: the project payment deleted in QBO",
                        "the payment gone from Centerpoint (delete setting on)", Set.of(INBOUND, PROJECTS),
                        this::inboundPaymentDeletion),
                step("No echo: our own QBO customer is not re-imported",
                        "still exactly one 'Riverside Dental' company and no new-company command for it",
                        Set.of(INBOUND, COMPANIES), this::noEchoOfOwnWrite));
    }

    private String inboundCustomer() {
        JsonNode customer = qbo.create(ACME.realm, "Customer", Map.of("DisplayName", "Lakeside Bakery",
                "PrimaryEmailAddr", Map.of("Address", "orders@lakeside.example")));
        String qboId = customer.path("Id").asString();
        seen.put("lakesideQboId", qboId);
        seen.put("lakesideSyncToken", customer.path("SyncToken").asString());
        JsonNode company = poller.await("a Centerpoint company for QBO customer " + qboId, timeout,
                () -> centerpoint.companies(ACME.id).stream()
                        .filter(c -> qboId.equals(c.path("qboCustomerId").asString())
                                && "Lakeside Bakery".equals(c.path("name").asString()))
                        .findFirst());
        seen.put("lakesideCompanyId", company.path("id").asString());
        return "QBO customer " + qboId + " -> Centerpoint company " + company.path("id").asString() + " 'Lakeside Bakery'";
    }

    private String inboundProjectInvoice() {
        String jobId = required("projectCustomerId");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CustomerRef", Map.of("value", jobId));
        body.put("DocNumber", "QB-9001");
        body.put("TxnDate", today.toString());
        body.put("Line", List.of(Map.of("DetailType", "SalesItemLineDetail", "Amount", new BigDecimal("500.00"),
                "Description", "Cabinets", "SalesItemLineDetail",
                Map.of("ItemRef", Map.of("value", "1"), "Qty", 1, "UnitPrice", new BigDecimal("500.00")))));
        JsonNode invoice = qbo.create(ACME.realm, "Invoice", body);
        String qboId = invoice.path("Id").asString();
        seen.put("projectInvoiceQboId", qboId);
        JsonNode arrived = poller.await("QBO invoice " + qboId + " on project pr-kitchen in Centerpoint", timeout,
                () -> centerpoint.projectInvoices(ACME.id, "pr-kitchen").stream()
                        .filter(i -> qboId.equals(i.path("qboInvoiceId").asString())).findFirst());
        expect(sameMoney(arrived.path("total"), "500.00"), "total 500.00 but was " + arrived.path("total"));
        return "QBO invoice " + qboId + " (500.00, billed to sub-customer " + jobId + ") -> project pr-kitchen, total "
                + arrived.path("total").asString();
    }

    private String inboundPayment() {
        String invoiceId = required("projectInvoiceQboId");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CustomerRef", Map.of("value", required("projectCustomerId")));
        body.put("TotalAmt", new BigDecimal("200.00"));
        body.put("TxnDate", today.toString());
        body.put("Line", List.of(Map.of("Amount", new BigDecimal("200.00"),
                "LinkedTxn", List.of(Map.of("TxnId", invoiceId, "TxnType", "Invoice")))));
        JsonNode payment = qbo.create(ACME.realm, "Payment", body);
        String qboId = payment.path("Id").asString();
        seen.put("projectPaymentQboId", qboId);
        seen.put("projectPaymentSyncToken", payment.path("SyncToken").asString());
        JsonNode arrived = poller.await("QBO payment " + qboId + " in Centerpoint", timeout,
                () -> centerpoint.payments(ACME.id).stream().filter(p -> qboId.equals(p.path("qboPaymentId").asString())).findFirst());
        JsonNode application = StandInApi.elements(arrived.path("applications")).stream()
                .filter(a -> invoiceId.equals(a.path("qboInvoiceId").asString())).findFirst()
                .orElseThrow(() -> new ExpectationNotMetException("payment applied to invoice " + invoiceId + ": " + arrived));
        expect(sameMoney(application.path("amount"), "200.00"), "200.00 applied but was " + application.path("amount"));
        return "QBO payment " + qboId + " -> Centerpoint payment with 200.00 applied to invoice " + invoiceId
                + " (" + application.path("invoiceKind").asString() + ")";
    }

    private String noEchoOfOwnWrite() {
        String riversideId = required("riversideCustomerId");
        long riversides = centerpoint.companies(ACME.id).stream()
                .filter(c -> "Riverside Dental".equals(c.path("name").asString())).count();
        expect(riversides == 1, "exactly one 'Riverside Dental' company but found " + riversides);
        long reimports = centerpoint.commands(ACME.id).stream()
                .filter(c -> "UpsertCompany".equals(c.path("type").asString())
                        && riversideId.equals(c.path("payload").path("qboCustomerId").asString())
                        && c.path("payload").path("companyId").isNull())
                .count();
        expect(reimports == 0, "no new-company command for our own customer " + riversideId + " but found " + reimports);
        List<JsonNode> echoes = centerpoint.outcomes(ACME.id).stream()
                .filter(o -> "ECHO_SUPPRESSED".equals(o.path("result").asString())).toList();
        return "one 'Riverside Dental' company, no re-import command; " + echoes.size() + " ECHO_SUPPRESSED outcome(s)";
    }


    private String inboundCustomerChange() {
        String qboId = required("lakesideQboId");
        String companyId = required("lakesideCompanyId");
        qbo.update(ACME.realm, "Customer", Map.of("Id", qboId, "SyncToken", required("lakesideSyncToken"),
                "sparse", true, "DisplayName", "Lakeside Bakery & Cafe"));
        JsonNode company = poller.await("company " + companyId + " renamed 'Lakeside Bakery & Cafe'", timeout,
                () -> centerpoint.companies(ACME.id).stream()
                        .filter(c -> companyId.equals(c.path("id").asString())
                                && "Lakeside Bakery & Cafe".equals(c.path("name").asString()))
                        .findFirst());
        return "QBO customer " + qboId + " renamed -> Centerpoint company " + company.path("id").asString() + " now '"
                + company.path("name").asString() + "'";
    }

    private String noEchoOfOwnCommand() {
        String companyId = required("lakesideCompanyId");
        JsonNode outcome = awaitOutcome(ACME.id, "ECHO_SUPPRESSED outcome for company " + companyId,
                o -> companyId.equals(o.path("centerpointId").asString()) && "TO_QBO".equals(o.path("direction").asString())
                        && "ECHO_SUPPRESSED".equals(o.path("result").asString()));
        long lakesides = qbo.entities(ACME.realm, "customer").stream()
                .filter(c -> c.path("DisplayName").asString().startsWith("Lakeside Bakery")).count();
        expect(lakesides == 1, "still one 'Lakeside Bakery' customer in QBO but found " + lakesides);
        return "the CompanyCreated caused by our command: outcome " + describe(outcome) + "; one QBO customer";
    }

    private String inboundServiceInvoicePayment() {
        String invoiceId = required("serviceInvoiceId");
        JsonNode invoice = qbo.entities(ACME.realm, "invoice").stream()
                .filter(i -> invoiceId.equals(i.path("Id").asString())).findFirst()
                .orElseThrow(() -> new ExpectationNotMetException("QBO invoice " + invoiceId + " exists"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CustomerRef", Map.of("value", invoice.path("CustomerRef").path("value").asString()));
        body.put("TotalAmt", new BigDecimal("100.00"));
        body.put("TxnDate", today.toString());
        body.put("Line", List.of(Map.of("Amount", new BigDecimal("100.00"),
                "LinkedTxn", List.of(Map.of("TxnId", invoiceId, "TxnType", "Invoice")))));
        String qboId = qbo.create(ACME.realm, "Payment", body).path("Id").asString();
        JsonNode application = poller.await("QBO payment " + qboId + " applied to service invoice si-5001", timeout,
                () -> centerpoint.payments(ACME.id).stream().filter(p -> qboId.equals(p.path("qboPaymentId").asString()))
                        .flatMap(p -> StandInApi.elements(p.path("applications")).stream())
                        .filter(a -> "SERVICE_INVOICE".equals(a.path("invoiceKind").asString())
                                && "si-5001".equals(a.path("centerpointInvoiceId").asString()))
                        .findFirst());
        expect(sameMoney(application.path("amount"), "100.00"), "100.00 applied but was " + application.path("amount"));
        return "QBO payment " + qboId + " -> Centerpoint payment, 100.00 applied to service invoice si-5001";
    }

    private String inboundPaymentDeletion() {
        String qboId = required("projectPaymentQboId");
        qbo.delete(ACME.realm, "Payment", qboId, required("projectPaymentSyncToken"));
        poller.await("QBO payment " + qboId + " gone from Centerpoint", timeout,
                () -> centerpoint.payments(ACME.id).stream().noneMatch(p -> qboId.equals(p.path("qboPaymentId").asString()))
                        ? Optional.of(true) : Optional.empty());
        long deletes = centerpoint.commands(ACME.id).stream()
                .filter(c -> "DeleteInvoicePayment".equals(c.path("type").asString())).count();
        return "payment " + qboId + " deleted in QBO -> DeleteInvoicePayment applied (" + deletes + " delete command(s))";
    }
}
