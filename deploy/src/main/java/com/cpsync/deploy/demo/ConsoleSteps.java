package com.cpsync.deploy.demo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.workload.Profile;

import static com.cpsync.deploy.demo.Capability.COMPANIES;
import static com.cpsync.deploy.demo.Capability.CONNECTION;
import static com.cpsync.deploy.demo.Capability.CONSOLE;
import static com.cpsync.deploy.demo.Capability.INBOUND;
import static com.cpsync.deploy.demo.Capability.INVOICES;
import static com.cpsync.deploy.demo.DemoTenant.ACME;
import static com.cpsync.deploy.demo.DemoTenant.HOLD;

/** The ops console's actions through its API: resolve a held conflict, replay a dead letter, reconcile and resync. */
final class ConsoleSteps extends DemoSteps {

    /** A realm no tenant is connected to yet: its QBO changes are dead letters until one is. */
    static final String LATE_TENANT = "late-realm-co";
    static final String LATE_REALM = "9130350000000006";
    private static final Pattern CHANGE_ID = Pattern.compile("\"changeId\": \"([^\"]+)\"");

    private final OpsConsoleApi console;
    /** Each probe is a reconciliation (three metered reads of the realm): a few seconds apart, not the usual 0.5 s. */
    private final Poller reconcilingEvery5s;

    ConsoleSteps(DemoContext context, OpsConsoleApi console) {
        super(context);
        this.console = console;
        this.reconcilingEvery5s = new Poller(poller.clock(), Duration.ofSeconds(5), poller.pause());
    }

    List<ScenarioStep> steps() {
        return List.of(
                step("Console: the tenants list shows each tenant's QBO connection (from mapping-service)",
                        "hold-co CONNECTED, with its access token's expiry", Set.of(CONNECTION, CONSOLE),
                        this::tenantsShowTheirConnection),
                step("Console: resolve the HOLD conflict of 'Summit Electric' (CREATE_WITH_SUFFIX) through its API",
                        "sent once (a second click: ALREADY_RESOLVED); customer 'Summit Electric (customer)', a SYNCED "
                                + "outcome caused by the resolution, no longer held", Set.of(COMPANIES, CONSOLE),
                        this::resolveHeldConflict),
                step("Console: replay a dead letter through its API (a QBO change of a realm connected later)",
                        "the change dead-lettered as of an unknown realm; after the realm is connected, replayed once "
                                + "(a second click: ALREADY_REPLAYED) and imported as a Centerpoint company",
                        Set.of(INBOUND, CONSOLE), this::replayDeadLetter),
                step("Console: reconcile acme-builders after a user changed invoice SI-5001 in QBO, then resync it",
                        "the reconciliation names si-5001 CHANGED_IN_QBO with both totals (475.00 and 500.00); the "
                                + "resync writes Centerpoint's invoice again (QBO total 475.00); a new reconciliation "
                                + "no longer names it", Set.of(INVOICES, CONSOLE), this::reconcileAndResync));
    }

    private String tenantsShowTheirConnection() {
        JsonNode hold = poller.await("the console lists " + HOLD.id + " as CONNECTED", timeout,
                () -> console.tenants().stream().filter(t -> HOLD.id.equals(t.path("tenantId").asString())
                        && "CONNECTED".equals(t.path("connection").path("status").asString())).findFirst());
        JsonNode connection = hold.path("connection");
        expect(!connection.path("accessTokenExpiresAt").isMissingNode() && !connection.path("accessTokenExpiresAt")
                .isNull(), "the access token's expiry, but the connection was " + connection);
        return HOLD.id + ": " + connection.path("status").asString() + ", " + connection.path("detail").asString();
    }

    private String resolveHeldConflict() {
        JsonNode held = poller.await("the console lists co-summit-hold as held", timeout,
                () -> console.conflicts(HOLD.id).stream()
                        .filter(c -> "co-summit-hold".equals(c.path("centerpointId").asString())).findFirst());
        long conflictId = held.path("id").asLong();
        JsonNode sent = console.resolve(HOLD.id, conflictId, Map.of("action", "CREATE_WITH_SUFFIX"));
        expect("SENT".equals(sent.path("result").asString()), "the resolution SENT, but was " + sent);
        String resolutionId = sent.path("resolutionId").asString();
        JsonNode again = console.resolve(HOLD.id, conflictId, Map.of("action", "CREATE_WITH_SUFFIX"));
        expect("ALREADY_RESOLVED".equals(again.path("result").asString()),
                "a second click ALREADY_RESOLVED, but was " + again);
        JsonNode outcome = awaitOutcome(HOLD.id, "a SYNCED outcome of co-summit-hold caused by " + resolutionId,
                o -> resolutionId.equals(o.path("causationId").asString())
                        && "SYNCED".equals(o.path("result").asString()));
        JsonNode customer = awaitCustomer(HOLD.realm, "Summit Electric (customer)");
        poller.await("co-summit-hold no longer held in the console", timeout,
                () -> console.conflicts(HOLD.id).stream()
                        .noneMatch(c -> "co-summit-hold".equals(c.path("centerpointId").asString()))
                        ? Optional.of(true) : Optional.empty());
        List<JsonNode> customers = customersNamed(HOLD.realm, "Summit Electric (customer)");
        expect(customers.size() == 1, "one 'Summit Electric (customer)' but found " + names(customers));
        return "conflict " + conflictId + " -> resolution " + resolutionId + " (second click ALREADY_RESOLVED); "
                + describe(outcome) + "; QBO customer " + customer.path("Id").asString() + " '"
                + customer.path("DisplayName").asString() + "'; no longer held";
    }

    private String replayDeadLetter() {
        JsonNode customer = qbo.create(LATE_REALM, "Customer", Map.of("DisplayName", "Orchard Florist"));
        JsonNode deadLetter = poller.await("the console lists the change of realm " + LATE_REALM + " as a dead letter",
                timeout, () -> console.deadLetters().stream()
                        .filter(d -> LATE_REALM.equals(d.path("key").asString()) && !d.path("replayed").asBoolean())
                        .findFirst());
        Matcher changeId = CHANGE_ID.matcher(deadLetter.path("payloadSummary").asString());
        expect(changeId.find(), "the dead letter's summary names its changeId: " + deadLetter.path("payloadSummary"));
        centerpoint.connect(LATE_TENANT, LATE_REALM);
        centerpoint.putSettings(LATE_TENANT, Profile.FULL.settings());
        long id = deadLetter.path("id").asLong();
        JsonNode replayed = console.replay(id);
        expect("REPLAYED".equals(replayed.path("result").asString()), "REPLAYED, but was " + replayed);
        JsonNode again = console.replay(id);
        expect("ALREADY_REPLAYED".equals(again.path("result").asString()), "ALREADY_REPLAYED, but was " + again);
        JsonNode outcome = awaitOutcome(LATE_TENANT, "an outcome caused by the replayed change " + changeId.group(1),
                o -> changeId.group(1).equals(o.path("causationId").asString()));
        String qboId = customer.path("Id").asString();
        JsonNode company = poller.await("a Centerpoint company of " + LATE_TENANT + " for QBO customer " + qboId,
                timeout, () -> centerpoint.companies(LATE_TENANT).stream()
                        .filter(c -> qboId.equals(c.path("qboCustomerId").asString())).findFirst());
        return "dead letter " + id + " (" + deadLetter.path("reason").asString() + ") replayed after connecting "
                + LATE_TENANT + " (second click ALREADY_REPLAYED); " + describe(outcome) + "; Centerpoint company "
                + company.path("id").asString() + " '" + company.path("name").asString() + "'";
    }

    private String reconcileAndResync() {
        JsonNode synced = awaitInvoice("SI-5001", "475.00");
        qbo.saveAsUser(ACME.realm, "Invoice", Map.of("Id", synced.path("Id").asString(),
                "SyncToken", synced.path("SyncToken").asString(), "sparse", true,
                "Line", List.of(Map.of("DetailType", "SalesItemLineDetail", "Amount", "500.00", "Description",
                        "changed in QBO", "SalesItemLineDetail", Map.of("ItemRef", Map.of("value", "1"), "Qty", "1",
                                "UnitPrice", "500.00")))));
        // IN_FLIGHT while Centerpoint's own change of it is younger than the sync group's lag and grace
        JsonNode changed = reconcilingEvery5s.await("a reconciliation of " + ACME.id + " naming si-5001, not in flight",
                timeout, () -> differenceOf(reconcile(ACME.id), "si-5001")
                        .filter(d -> !"IN_FLIGHT".equals(d.path("kind").asString())));
        expect("CHANGED_IN_QBO".equals(changed.path("kind").asString()) && changed.path("reason").asString()
                .contains("475") && changed.path("reason").asString().contains("500"),
                "si-5001 CHANGED_IN_QBO naming 475.00 and 500.00, but was " + changed);
        JsonNode resync = console.resync(ACME.id, Map.of("entity", "SERVICE_INVOICE", "centerpointId", "si-5001"));
        JsonNode restored = awaitInvoice("SI-5001", "475.00");
        // the re-emitted event is a change of its own: IN_FLIGHT until the sync group's lag and grace have passed
        reconcilingEvery5s.await("a reconciliation of " + ACME.id + " without a difference for si-5001", timeout,
                () -> differenceOf(reconcile(ACME.id), "si-5001").isEmpty() ? Optional.of(true) : Optional.empty());
        return "si-5001 " + changed.path("kind").asString() + " (" + changed.path("reason").asString() + "); resync "
                + resync.path("status").asString() + "; QBO invoice " + restored.path("Id").asString() + " TotalAmt "
                + restored.path("TotalAmt").asString() + " (SyncToken " + restored.path("SyncToken").asString()
                + "); reconciled again: matched";
    }

    private JsonNode reconcile(String tenantId) {
        long id = console.startReconciliation(tenantId);
        return poller.await("reconciliation " + id + " of " + tenantId + " done", timeout, () -> Optional.of(
                console.reconciliation(tenantId, id)).filter(r -> !"RUNNING".equals(r.path("status").asString())));
    }

    private static Optional<JsonNode> differenceOf(JsonNode report, String centerpointId) {
        return StandInApi.elements(report.path("differences")).stream()
                .filter(d -> centerpointId.equals(d.path("centerpointId").asString())).findFirst();
    }
}
