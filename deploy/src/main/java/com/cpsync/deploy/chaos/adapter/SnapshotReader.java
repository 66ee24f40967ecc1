package com.cpsync.deploy.chaos.adapter;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.audit.CenterpointSnapshot;
import com.cpsync.deploy.chaos.audit.QboSnapshot;
import com.cpsync.deploy.chaos.workload.Project;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Workload;
import com.cpsync.deploy.demo.JsonHttp;
import com.cpsync.deploy.demo.StandInApi;

/** Reads what QBO holds (the sandbox's admin listing) and what Centerpoint received (the stand-in's API). */
public final class SnapshotReader {

    private final Workload workload;
    private final StandInApi centerpoint;
    private final QboUserClient qbo;
    private final Map<String, List<String>> projectIds = new LinkedHashMap<>();

    public SnapshotReader(Workload workload, JsonHttp http, String standInUrl, String sandboxUrl) {
        this.workload = workload;
        this.centerpoint = new StandInApi(http, standInUrl);
        this.qbo = new QboUserClient(http, sandboxUrl);
        workload.steps().stream().filter(s -> s.record() instanceof Project).forEach(s -> {
            List<String> ids = projectIds.computeIfAbsent(s.tenantId(), t -> new ArrayList<>());
            if (!ids.contains(s.record().id())) {
                ids.add(s.record().id());
            }
        });
    }

    public QboSnapshot qbo() {
        Map<String, QboSnapshot.Books> realms = new LinkedHashMap<>();
        for (TenantPlan tenant : workload.tenants()) {
            List<QboSnapshot.Customer> customers = qbo.entities(tenant.realmId(), "customer").stream()
                    .map(c -> new QboSnapshot.Customer(c.path("Id").asString(), c.path("DisplayName").asString(),
                            c.path("Job").asBoolean(false), text(c.path("ParentRef").path("value")),
                            text(c.path("PrimaryEmailAddr").path("Address"))))
                    .toList();
            List<QboSnapshot.Invoice> invoices = qbo.entities(tenant.realmId(), "invoice").stream()
                    .map(i -> new QboSnapshot.Invoice(i.path("Id").asString(), text(i.path("DocNumber")),
                            text(i.path("CustomerRef").path("value")), money(i.path("TotalAmt")),
                            elements(i.path("Line")).stream()
                                    .filter(l -> "SalesItemLineDetail".equals(l.path("DetailType").asString()))
                                    .map(l -> money(l.path("Amount"))).toList()))
                    .toList();
            realms.put(tenant.realmId(), new QboSnapshot.Books(customers, invoices));
        }
        return new QboSnapshot(realms);
    }

    public CenterpointSnapshot centerpoint() {
        Map<String, CenterpointSnapshot.Books> tenants = new LinkedHashMap<>();
        for (TenantPlan tenant : workload.tenants()) {
            String t = tenant.tenantId();
            List<CenterpointSnapshot.Company> companies = centerpoint.companies(t).stream()
                    .map(c -> new CenterpointSnapshot.Company(c.path("id").asString(), text(c.path("name")), text(c.path("email")),
                            text(c.path("qboCustomerId"))))
                    .toList();
            List<CenterpointSnapshot.ProjectInvoice> projectInvoices = new ArrayList<>();
            for (String projectId : projectIds.getOrDefault(t, List.of())) {
                centerpoint.projectInvoices(t, projectId).forEach(i -> projectInvoices.add(new CenterpointSnapshot.ProjectInvoice(
                        projectId, text(i.path("qboInvoiceId")), text(i.path("docNumber")), money(i.path("total")),
                        elements(i.path("lines")).stream().map(l -> money(l.path("amount"))).toList())));
            }
            List<CenterpointSnapshot.Payment> payments = centerpoint.payments(t).stream()
                    .map(p -> new CenterpointSnapshot.Payment(text(p.path("qboPaymentId")), text(p.path("paymentRefNum")),
                            money(p.path("totalAmount")), elements(p.path("applications")).stream()
                                    .map(SnapshotReader::application).toList()))
                    .toList();
            List<CenterpointSnapshot.Command> commands = centerpoint.commands(t).stream()
                    .map(c -> new CenterpointSnapshot.Command(c.path("commandId").asString(), c.path("type").asString(),
                            subject(c.path("payload")), c.path("payload").toString()))
                    .toList();
            List<CenterpointSnapshot.Outcome> outcomes = centerpoint.outcomes(t).stream()
                    .map(o -> new CenterpointSnapshot.Outcome(text(o.path("causationId")), text(o.path("direction")),
                            text(o.path("entityType")), text(o.path("centerpointId")), text(o.path("qboId")),
                            text(o.path("result")), text(o.path("reason"))))
                    .toList();
            tenants.put(t, new CenterpointSnapshot.Books(companies, projectInvoices, payments, commands, outcomes));
        }
        return new CenterpointSnapshot(tenants);
    }

    private static CenterpointSnapshot.Application application(JsonNode a) {
        boolean service = "SERVICE_INVOICE".equals(a.path("invoiceKind").asString());
        return new CenterpointSnapshot.Application(a.path("invoiceKind").asString(),
                text(service ? a.path("centerpointInvoiceId") : a.path("projectId")), text(a.path("qboInvoiceId")),
                money(a.path("amount")));
    }

    private static String subject(JsonNode payload) {
        for (String field : List.of("qboCustomerId", "qboInvoiceId", "qboPaymentId")) {
            if (payload.hasNonNull(field)) {
                return payload.path(field).asString();
            }
        }
        return null;
    }

    private static List<JsonNode> elements(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static String text(JsonNode node) {
        return node == null || node.isMissingNode() || node.isNull() ? null : node.asString();
    }

    private static BigDecimal money(JsonNode node) {
        String text = text(node);
        try {
            return text == null ? null : new BigDecimal(text);
        }
        catch (NumberFormatException ex) {
            return null;
        }
    }
}
