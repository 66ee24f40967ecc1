package com.cpsync.deploy.demo;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.workload.Profile;

import static com.cpsync.deploy.demo.Capability.COMPANIES;
import static com.cpsync.deploy.demo.Capability.CONNECTION;
import static com.cpsync.deploy.demo.Capability.INVOICES;
import static com.cpsync.deploy.demo.Capability.ISOLATION;
import static com.cpsync.deploy.demo.Capability.PROJECTS;
import static com.cpsync.deploy.demo.Capability.SETTINGS;
import static com.cpsync.deploy.demo.Capability.TICKETS;
import static com.cpsync.deploy.demo.DemoTenant.ACME;
import static com.cpsync.deploy.demo.DemoTenant.FIRST;
import static com.cpsync.deploy.demo.DemoTenant.HOLD;
import static com.cpsync.deploy.demo.DemoTenant.NEVER;
import static com.cpsync.deploy.demo.DemoTenant.OUTAGE;

/** Centerpoint → QBO: connections, settings, and the company, project, ticket and invoice rules. */
final class OutboundSteps extends DemoSteps {

    /** How long the outage of the isolation step lasts, and how long its tenant may take to catch up. */
    private static final Duration OUTAGE_LENGTH = Duration.ofSeconds(30);
    private static final Duration CATCH_UP = Duration.ofSeconds(180);

    OutboundSteps(DemoContext context) {
        super(context);
    }

    List<ScenarioStep> setup() {
        return List.of(
                step("Connect five tenants to their QBO realms (OAuth via mapping-service)",
                        "each tenant CONNECTED to its realm", Set.of(CONNECTION), this::connectTenants),
                step("Publish each tenant's sync settings",
                        "settings accepted with the given values", Set.of(SETTINGS), this::publishSettings));
    }

    List<ScenarioStep> steps() {
        return List.of(
                step("WHEN_CREATED: CompanyCreated 'Riverside Dental'",
                        "one QBO customer with the name and e-mail, a SYNCED outcome", Set.of(COMPANIES),
                        this::companyBecomesCustomer),
                step("NEVER: CompanyCreated for a tenant that never syncs companies",
                        "no QBO customer, a SKIPPED_BY_SETTINGS outcome", Set.of(COMPANIES), this::neverTenantIsSkipped),
                step("Name clash with a QBO vendor, policy SUFFIX",
                        "customer 'Summit Electric (customer)', a SYNCED outcome", Set.of(COMPANIES), this::suffixOnNameClash),
                step("Name clash with a QBO vendor, policy HOLD",
                        "no customer, a CONFLICT outcome naming the vendor", Set.of(COMPANIES), this::holdOnNameClash),
                step("WHEN_FIRST_PROJECT_OR_TICKET_SENT: company, then its first and second project",
                        "no customer after CompanyCreated, exactly one after the projects", Set.of(COMPANIES),
                        this::customerOnFirstProject),
                step("Projects WHEN_CREATED: ProjectCreated 'Kitchen Remodel'",
                        "a QBO sub-customer (Job, ParentRef = the company's customer), a SYNCED outcome",
                        Set.of(PROJECTS), this::projectBecomesSubCustomer),
                step("Send project changes: ProjectUpdated renames the project",
                        "the sub-customer's name follows", Set.of(PROJECTS), this::projectChangeIsSent),
                step("Ticket WHEN_INVOICED + invoice WHEN_CREATED, MULTI_LINE",
                        "ticket sub-customer and an invoice SI-5001 with 2 lines, total 380.00, billed to the ticket",
                        Set.of(TICKETS, INVOICES), this::ticketAndInvoice),
                step("Send invoice changes: ServiceInvoiceUpdated to 475.00",
                        "the QBO invoice total becomes 475.00", Set.of(INVOICES), this::invoiceChangeIsSent));
    }

    List<ScenarioStep> isolation() {
        return List.of(step("Tenant isolation: one tenant's realm answers 503 for 30 s",
                "the healthy tenant's company is synced during the outage; the other's after it, exactly once",
                Set.of(COMPANIES, ISOLATION), this::oneRealmOutageDoesNotStopOthers));
    }

    private String connectTenants() {
        StringBuilder observed = new StringBuilder();
        for (DemoTenant tenant : DemoTenant.values()) {
            JsonNode answer = centerpoint.connect(tenant.id, tenant.realm);
            expect(answer.path("status").asString().equals("CONNECTED")
                    && answer.path("realmId").asString().equals(tenant.realm),
                    tenant.id + " connected to realm " + tenant.realm + " but mapping-service answered " + answer);
            observed.append(tenant.id).append(" -> realm ").append(tenant.realm).append(" CONNECTED; ");
        }
        return observed.toString();
    }

    private String publishSettings() {
        Map<String, Map<String, Object>> all = new LinkedHashMap<>();
        // ACME has every setting on, exactly as a chaos tenant of the FULL profile
        all.put(ACME.id, Profile.FULL.settings());
        all.put(NEVER.id, Map.of("companiesToQbo", "NEVER"));
        all.put(HOLD.id, Map.of("companiesToQbo", "WHEN_CREATED", "nameConflictPolicy", "HOLD"));
        all.put(FIRST.id, Map.of("companiesToQbo", "WHEN_FIRST_PROJECT_OR_TICKET_SENT"));
        all.put(OUTAGE.id, Map.of("companiesToQbo", "WHEN_CREATED"));
        all.forEach((tenant, settings) -> {
            JsonNode answer = centerpoint.putSettings(tenant, settings);
            expect(answer.path("companiesToQbo").asString().equals(settings.get("companiesToQbo")),
                    "settings of " + tenant + " answered " + answer);
        });
        return all.keySet().stream().map(t -> t + ": companiesToQbo=" + all.get(t).get("companiesToQbo"))
                .collect(Collectors.joining(", "));
    }

    private String companyBecomesCustomer() {
        String eventId = centerpoint.postEvent(ACME.id, companyEvent("co-riverside", "Riverside Dental", "billing@riverside.example"));
        JsonNode customer = awaitCustomer(ACME.realm, "Riverside Dental");
        expect("billing@riverside.example".equals(customer.path("PrimaryEmailAddr").path("Address").asString()),
                "customer e-mail billing@riverside.example, but was " + customer.path("PrimaryEmailAddr"));
        expect("Austin".equals(customer.path("BillAddr").path("City").asString()),
                "customer billing city Austin, but was " + customer.path("BillAddr"));
        seen.put("riversideCustomerId", customer.path("Id").asString());
        JsonNode outcome = awaitOutcome(ACME.id, "SYNCED outcome for co-riverside",
                o -> "co-riverside".equals(o.path("centerpointId").asString()) && "COMPANY".equals(o.path("entityType").asString())
                        && "SYNCED".equals(o.path("result").asString()));
        return "QBO customer " + customer.path("Id").asString() + " 'Riverside Dental' (e-mail, address); outcome "
                + describe(outcome) + " for event " + eventId;
    }

    private String neverTenantIsSkipped() {
        centerpoint.postEvent(NEVER.id, companyEvent("co-quiet", "Quiet Hills Clinic", null));
        JsonNode outcome = awaitOutcome(NEVER.id, "SKIPPED_BY_SETTINGS outcome for co-quiet",
                o -> "co-quiet".equals(o.path("centerpointId").asString())
                        && "SKIPPED_BY_SETTINGS".equals(o.path("result").asString()));
        List<JsonNode> customers = qbo.entities(NEVER.realm, "customer");
        expect(customers.isEmpty(), "no QBO customer in realm " + NEVER.realm + " but found " + names(customers));
        return "outcome " + describe(outcome) + "; realm has 0 customers";
    }

    private String suffixOnNameClash() {
        JsonNode vendor = qbo.create(ACME.realm, "Vendor", Map.of("DisplayName", "Summit Electric"));
        centerpoint.postEvent(ACME.id, companyEvent("co-summit", "Summit Electric", null));
        JsonNode customer = awaitCustomer(ACME.realm, "Summit Electric (customer)");
        JsonNode outcome = awaitOutcome(ACME.id, "SYNCED outcome for co-summit",
                o -> "co-summit".equals(o.path("centerpointId").asString()) && "SYNCED".equals(o.path("result").asString()));
        return "vendor " + vendor.path("Id").asString() + " 'Summit Electric' kept; customer " + customer.path("Id").asString()
                + " '" + customer.path("DisplayName").asString() + "'; outcome " + describe(outcome);
    }

    private String holdOnNameClash() {
        JsonNode vendor = qbo.create(HOLD.realm, "Vendor", Map.of("DisplayName", "Summit Electric"));
        centerpoint.postEvent(HOLD.id, companyEvent("co-summit-hold", "Summit Electric", null));
        JsonNode outcome = awaitOutcome(HOLD.id, "CONFLICT outcome for co-summit-hold",
                o -> "co-summit-hold".equals(o.path("centerpointId").asString()) && "CONFLICT".equals(o.path("result").asString()));
        expect(outcome.path("reason").asString().toLowerCase(Locale.ROOT).contains("vendor"),
                "the CONFLICT reason names the vendor, but was '" + outcome.path("reason").asString() + "'");
        List<JsonNode> customers = qbo.entities(HOLD.realm, "customer");
        expect(customers.isEmpty(), "no QBO customer under HOLD but found " + names(customers));
        return "vendor " + vendor.path("Id").asString() + "; outcome " + describe(outcome) + " reason '"
                + outcome.path("reason").asString() + "'; no customer";
    }

    private String customerOnFirstProject() {
        String realm = FIRST.realm;
        String companyEvent = centerpoint.postEvent(FIRST.id, companyEvent("co-harbor", "Harbor Cafe", null));
        Optional<JsonNode> companyOutcome = maybeOutcome(FIRST.id, o -> companyEvent.equals(o.path("causationId").asString()));
        expect(customersNamed(realm, "Harbor Cafe").isEmpty(), "no customer after CompanyCreated");
        String firstProject = centerpoint.postEvent(FIRST.id, projectEvent("ProjectCreated", "pr-harbor-1", "co-harbor", "Patio"));
        JsonNode customer = awaitCustomer(realm, "Harbor Cafe");
        String secondProject = centerpoint.postEvent(FIRST.id, projectEvent("ProjectCreated", "pr-harbor-2", "co-harbor", "Terrace"));
        maybeOutcome(FIRST.id, o -> secondProject.equals(o.path("causationId").asString()));
        List<JsonNode> harbors = customersNamed(realm, "Harbor Cafe");
        expect(harbors.size() == 1, "exactly one 'Harbor Cafe' customer but found " + harbors.size());
        return "after CompanyCreated: no customer" + companyOutcome.map(o -> " (outcome " + describe(o) + ")").orElse("")
                + "; after ProjectCreated " + firstProject + ": customer " + customer.path("Id").asString()
                + "; after a second project: still exactly one";
    }

    private String projectBecomesSubCustomer() {
        String parentId = required("riversideCustomerId");
        centerpoint.postEvent(ACME.id, projectEvent("ProjectCreated", "pr-kitchen", "co-riverside", "Kitchen Remodel"));
        JsonNode job = poller.await("a QBO sub-customer 'Kitchen Remodel' under customer " + parentId, timeout,
                () -> qbo.entities(ACME.realm, "customer").stream()
                        .filter(c -> c.path("Job").asBoolean(false) && parentId.equals(c.path("ParentRef").path("value").asString())
                                && c.path("DisplayName").asString().contains("Kitchen Remodel"))
                        .findFirst());
        seen.put("projectCustomerId", job.path("Id").asString());
        JsonNode outcome = awaitOutcome(ACME.id, "SYNCED outcome for project pr-kitchen",
                o -> "pr-kitchen".equals(o.path("centerpointId").asString()) && "SYNCED".equals(o.path("result").asString()));
        return "sub-customer " + job.path("Id").asString() + " '" + job.path("DisplayName").asString() + "' (Job, ParentRef "
                + parentId + ", BillWithParent " + job.path("BillWithParent").asString() + "); outcome " + describe(outcome);
    }

    private String projectChangeIsSent() {
        String jobId = required("projectCustomerId");
        centerpoint.postEvent(ACME.id, projectEvent("ProjectUpdated", "pr-kitchen", "co-riverside", "Kitchen Remodel Phase 2"));
        JsonNode job = poller.await("sub-customer " + jobId + " renamed to 'Kitchen Remodel Phase 2'", timeout,
                () -> qbo.entities(ACME.realm, "customer").stream()
                        .filter(c -> jobId.equals(c.path("Id").asString())
                                && c.path("DisplayName").asString().contains("Kitchen Remodel Phase 2"))
                        .findFirst());
        return "sub-customer " + jobId + " now '" + job.path("DisplayName").asString() + "' (SyncToken "
                + job.path("SyncToken").asString() + ")";
    }

    private String ticketAndInvoice() {
        String parentId = required("riversideCustomerId");
        centerpoint.postEvent(ACME.id, Map.of("type", "ServiceTicketCreated", "ticket",
                Map.of("id", "tk-101", "companyId", "co-riverside", "number", "T-101", "summary", "Leaking boiler")));
        centerpoint.postEvent(ACME.id, invoiceEvent("ServiceInvoiceCreated", List.of(
                line("Labour", "2", "95.00", "190.00"), line("Parts", "1", "190.00", "190.00")), "380.00"));
        JsonNode invoice = awaitInvoice("SI-5001", "380.00");
        long lines = StandInApi.elements(invoice.path("Line")).stream()
                .filter(l -> "SalesItemLineDetail".equals(l.path("DetailType").asString())).count();
        expect(lines == 2, "2 item lines on SI-5001 but found " + lines);
        String billedTo = invoice.path("CustomerRef").path("value").asString();
        JsonNode ticketJob = qbo.entities(ACME.realm, "customer").stream()
                .filter(c -> billedTo.equals(c.path("Id").asString())).findFirst()
                .orElseThrow(() -> new ExpectationNotMetException("invoice billed to unknown customer " + billedTo));
        expect(ticketJob.path("Job").asBoolean(false) && parentId.equals(ticketJob.path("ParentRef").path("value").asString()),
                "invoice billed to the ticket's sub-customer of " + parentId + " but billed to " + ticketJob);
        seen.put("serviceInvoiceId", invoice.path("Id").asString());
        awaitOutcome(ACME.id, "SYNCED outcome for service invoice si-5001",
                o -> "si-5001".equals(o.path("centerpointId").asString()) && "SYNCED".equals(o.path("result").asString()));
        return "ticket sub-customer " + billedTo + " '" + ticketJob.path("DisplayName").asString() + "'; invoice "
                + invoice.path("Id").asString() + " DocNumber SI-5001, " + lines + " lines, TotalAmt "
                + invoice.path("TotalAmt").asString() + "; SYNCED outcomes";
    }

    private String invoiceChangeIsSent() {
        required("serviceInvoiceId");
        centerpoint.postEvent(ACME.id, invoiceEvent("ServiceInvoiceUpdated", List.of(
                line("Labour", "3", "95.00", "285.00"), line("Parts", "1", "190.00", "190.00")), "475.00"));
        JsonNode invoice = awaitInvoice("SI-5001", "475.00");
        return "invoice " + invoice.path("Id").asString() + " TotalAmt " + invoice.path("TotalAmt").asString()
                + " (SyncToken " + invoice.path("SyncToken").asString() + ")";
    }

    private String oneRealmOutageDoesNotStopOthers() {
        String stormyRealm = OUTAGE.realm;
        qbo.injectOutage(stormyRealm, OUTAGE_LENGTH);
        Instant outageEnds = Instant.now().plus(OUTAGE_LENGTH);
        centerpoint.postEvent(OUTAGE.id, companyEvent("co-storm", "Storm Roofing", null));
        centerpoint.postEvent(ACME.id, companyEvent("co-sunny", "Sunny Plumbing", null));
        JsonNode healthy = awaitCustomer(ACME.realm, "Sunny Plumbing");
        Instant healthySynced = Instant.now();
        expect(healthySynced.isBefore(outageEnds), "the healthy tenant synced while the other realm was still down");
        JsonNode stormy = poller.await("QBO customer 'Storm Roofing' after the outage", CATCH_UP,
                () -> customersNamed(stormyRealm, "Storm Roofing").stream().findFirst());
        List<JsonNode> storms = customersNamed(stormyRealm, "Storm Roofing");
        expect(storms.size() == 1, "exactly one 'Storm Roofing' customer but found " + storms.size());
        return "healthy tenant's customer " + healthy.path("Id").asString() + " synced "
                + Duration.between(healthySynced, outageEnds).toSeconds() + " s before the outage ended; "
                + "the stormy tenant's customer " + stormy.path("Id").asString() + " synced after it, once";
    }
}
