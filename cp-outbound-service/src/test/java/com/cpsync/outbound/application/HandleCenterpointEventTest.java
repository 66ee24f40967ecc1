package com.cpsync.outbound.application;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Action;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.echoes.OwnCommand;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.EventPayload.InvoiceChanged;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.events.EventPayload.TicketChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.events.SourcePosition;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.CompanyCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class HandleCenterpointEventTest {

    private static final Company ACME = new Company("c1", "Acme", "ap@acme.com", null, null);

    private final OutboundFakes fakes = new OutboundFakes();
    private final InMemoryQbo qbo = fakes.qbo;
    private final InMemoryMapping mapping = fakes.mapping;
    private final Map<String, Object> states = fakes.states;
    private final List<SyncOutcomeRecord> outcomes = fakes.outcomes;
    private OutboundSettings settings = OutboundSettings.none();
    private final Map<String, OwnCommand> ownCommands = new HashMap<>(Map.of("cmd-1", OwnCommand.other("cmd-1"),
            "cmd-new-customer", OwnCommand.upsertCompany("cmd-new-customer", null, "58")));
    private final HandleCenterpointEvent handler = handler();

    @Test
    void shouldLinkAnExistingCustomerInsteadOfCreatingOne() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        String existing = qbo.add("Customer", json("  ACME ")).path("Id").asString();

        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.action()).isEqualTo(Action.LINK);
            assertThat(o.qboId()).isEqualTo(existing);
        });
        assertThat(qbo.all("Customer")).hasSize(1);
    }

    @Test
    void shouldHoldALinkClashAsAConflictInsteadOfFailing() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        String existing = qbo.add("Customer", json("Acme")).path("Id").asString();
        mapping.putLink("t1", EntityKind.COMPANY, "c9", existing);

        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.CONFLICT);
            assertThat(o.centerpointId()).isEqualTo("c1");
            assertThat(o.reason()).contains("link clash", "COMPANY c1 -> QBO " + existing, "already linked otherwise");
        });
        assertThat(mapping.findLink("t1", EntityKind.COMPANY, "c1")).isEmpty();
        assertThat(states).containsKey("t1|Company|c1");
    }

    @Test
    void shouldReactivateAnInactiveCustomerItLinks() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        qbo.add("Customer", json("Acme").put("Active", false));

        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        assertThat(qbo.all("Customer").get(0).path("Active").asBoolean()).isTrue();
    }

    @Test
    void shouldRecordAConflictUnderHoldWhenAnEmployeeHasTheName() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        qbo.add("Employee", json("acme"));

        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.CONFLICT);
            assertThat(o.reason()).contains("Employee");
        });
        assertThat(qbo.all("Customer")).isEmpty();
    }

    @Test
    void shouldSkipAnEventItHasAlreadyCompleted() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        OutboundEvent created = event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME));

        handler.handle(created);
        handler.handle(created);

        assertThat(outcomes).hasSize(1);
        assertThat(qbo.all("Customer")).hasSize(1);
    }

    @Test
    void shouldSuppressAnEchoOfOurOwnCommandButRememberTheState() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);

        handler.handle(new OutboundEvent("e1", "t1", Instant.now(), "cmd-1",
                new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        assertThat(outcomes).extracting(SyncOutcomeRecord::result).containsExactly(Result.ECHO_SUPPRESSED);
        assertThat(qbo.calls).isZero();
        assertThat(states).containsKey("t1|Company|c1");
    }

    @Test
    void shouldLinkTheCompanyOfAnEchoedUpsertCompanyToItsQboCustomer() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);

        handler.handle(new OutboundEvent("e1", "t1", Instant.now(), "cmd-new-customer",
                new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        assertThat(mapping.findLink("t1", EntityKind.COMPANY, "c1")).contains("58");
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.ECHO_SUPPRESSED);
            assertThat(o.action()).isEqualTo(Action.LINK);
            assertThat(o.qboId()).isEqualTo("58");
            assertThat(o.reason()).contains("cmd-new-customer", "link c1 -> QBO customer 58 recorded");
        });
        assertThat(qbo.calls).isZero();
    }

    @Test
    void shouldStillSuppressTheEchoButNameTheClashWhenTheCustomerIsLinkedElsewhere() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        mapping.putLink("t1", EntityKind.COMPANY, "c9", "58");

        handler.handle(new OutboundEvent("e1", "t1", Instant.now(), "cmd-new-customer",
                new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        assertThat(mapping.findLink("t1", EntityKind.COMPANY, "c1")).isEmpty();
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.ECHO_SUPPRESSED);
            assertThat(o.action()).isEqualTo(Action.NONE);
            assertThat(o.reason()).contains("NOT recorded, link clash", "already linked otherwise");
        });
        assertThat(states).containsKey("t1|Company|c1");
    }

    @Test
    void shouldUpdateTheLinkedCustomerWhenTheEchoedCompanyChangesLater() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        String customer = qbo.add("Customer", json("Acme")).path("Id").asString();
        ownCommands.put("cmd-qbo-acme", OwnCommand.upsertCompany("cmd-qbo-acme", null, customer));
        handler.handle(new OutboundEvent("e1", "t1", Instant.now(), "cmd-qbo-acme",
                new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        handler.handle(event("e2", new CompanyChanged(CompanyChanged.Kind.UPDATED,
                new Company("c1", "Acme", "billing@acme.com", null, null))));

        assertThat(outcomes.get(1).action()).isEqualTo(Action.UPDATE);
        assertThat(outcomes.get(1).qboId()).isEqualTo(customer);
        assertThat(qbo.all("Customer")).singleElement().satisfies(c -> assertThat(
                c.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("billing@acme.com"));
    }

    @Test
    void shouldSendOnlyChangedCustomerFieldsOfALinkedCompany() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        Company newEmail = new Company("c1", "Acme", "billing@acme.com", null, null);

        handler.handle(event("e2", new CompanyChanged(CompanyChanged.Kind.UPDATED, newEmail)));

        assertThat(outcomes.get(1).action()).isEqualTo(Action.UPDATE);
        assertThat(qbo.all("Customer").get(0).path("PrimaryEmailAddr").path("Address").asString())
                .isEqualTo("billing@acme.com");
        assertThat(qbo.all("Customer").get(0).path("SyncToken").asString()).isEqualTo("1");
    }

    /** Reconciliation's resync (issue 12): a person changed the customer in QBO; Centerpoint's record is written whole. */
    @Test
    void shouldWriteAResyncedCompanyWholeThoughItDidNotChangeInCenterpoint() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        qbo.all("Customer").get(0).putObject("PrimaryEmailAddr").put("Address", "changed-in-qbo@acme.com");

        handler.handle(event("e2", new CompanyChanged(CompanyChanged.Kind.UPDATED, ACME)));
        handler.handle(new OutboundEvent("e3", "t1", Instant.now(), OutboundEvent.RESYNC_CAUSATION_PREFIX + "c1",
                new CompanyChanged(CompanyChanged.Kind.UPDATED, ACME)));

        assertThat(outcomes.get(1).reason()).isEqualTo("no customer field changed");
        assertThat(outcomes.get(2).action()).isEqualTo(Action.UPDATE);
        assertThat(qbo.all("Customer").get(0).path("PrimaryEmailAddr").path("Address").asString())
                .isEqualTo("ap@acme.com");
    }

    @Test
    void shouldWriteAResyncedInvoiceWholeThoughItDidNotChangeInCenterpoint() {
        settings = invoices(true, OutboundSettings.InvoiceLineMode.SINGLE_LINE);
        handler.handle(event("c", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        ServiceInvoice invoice = invoice("50.00", "50.00");
        handler.handle(event("i", new InvoiceChanged(InvoiceChanged.Kind.CREATED, invoice)));
        qbo.all("Invoice").get(0).put("TotalAmt", 75).remove("Line");

        handler.handle(new OutboundEvent("r", "t1", Instant.now(), OutboundEvent.RESYNC_CAUSATION_PREFIX + "i1",
                new InvoiceChanged(InvoiceChanged.Kind.UPDATED, invoice)));

        assertThat(outcomes).filteredOn(o -> "r".equals(o.causationId())).singleElement()
                .satisfies(o -> assertThat(o.action()).isEqualTo(Action.UPDATE));
        assertThat(qbo.all("Invoice").get(0).path("Line").get(0).path("Amount").decimalValue())
                .isEqualByComparingTo("50.00");
    }

    /**
     * Chaos run 11 (issue 8): a refused update was remembered as the invoice's state; delivered again after a
     * rebalance (another instance, which has not completed it), the event found "no invoice field changed" and
     * reported SYNCED while QBO kept the older invoice.
     */
    @Test
    void shouldNotTakeARefusedUpdateForTheStateLaterEventsAreComparedWith() {
        settings = invoices(true, OutboundSettings.InvoiceLineMode.MULTI_LINE);
        handler.handle(event("c", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        handler.handle(event("i", new InvoiceChanged(InvoiceChanged.Kind.CREATED, invoice("50.00", "50.00"))));
        InvoiceChanged linesDisagree = new InvoiceChanged(InvoiceChanged.Kind.UPDATED, invoice("60.00", "70.00"));

        handler.handle(event("u", linesDisagree));
        handler().handle(event("u", linesDisagree));

        assertThat(outcomes).filteredOn(o -> "u".equals(o.causationId())).extracting(SyncOutcomeRecord::result)
                .containsExactly(Result.FAILED, Result.FAILED);
        assertThat(qbo.all("Invoice").get(0).path("TotalAmt").decimalValue()).isEqualByComparingTo("50.00");
    }

    /**
     * Reliability finding 18: after a rebalance, copies of records the previous owner had handled came back from the
     * waiting topic behind newer records the next owner had synced. The older copy sent its older state, and the newer
     * record's copy was skipped as completed: QBO kept the older state under a SYNCED outcome.
     */
    @Test
    void shouldNotSendAnOlderEventOfAnEntityAgainOnceANewerOneWasSynced() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        handler.handle(event("e0", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME), 9, t0));
        OutboundEvent renamed = event("e1", new CompanyChanged(CompanyChanged.Kind.UPDATED,
                new Company("c1", "Acme Co", "ap@acme.com", null, null)), 10, t0.plusSeconds(1));
        OutboundEvent renamedAgain = event("e2", new CompanyChanged(CompanyChanged.Kind.UPDATED,
                new Company("c1", "Acme Roofing", "ap@acme.com", null, null)), 11, t0.plusSeconds(2));
        handler.handle(renamed);
        HandleCenterpointEvent nextOwner = handler();
        nextOwner.handle(renamedAgain);
        int outcomesBefore = outcomes.size();

        nextOwner.handle(renamed);
        nextOwner.handle(renamedAgain);

        assertThat(qbo.all("Customer")).singleElement().satisfies(customer -> {
            assertThat(customer.path("DisplayName").asString()).isEqualTo("Acme Roofing");
            assertThat(customer.path("SyncToken").asString()).as("two renames, the older one never sent again")
                    .isEqualTo("2");
        });
        assertThat(outcomes).as("both were handled before: no second outcome").hasSize(outcomesBefore);
    }

    @Test
    void shouldGiveAnEventThatWaitedForItsParentItsOneOutcomeWhenANewerEventOfItsRecordWentFirst() {
        settings = new OutboundSettings(CompanyCreation.WHEN_FIRST_PROJECT_OR_TICKET_SENT, ProjectCreation.WHEN_CREATED,
                false, OutboundSettings.TicketCreation.NO, false, InvoiceCreation.NEVER, false,
                OutboundSettings.InvoiceLineMode.SINGLE_LINE, "1", NameConflictPolicy.HOLD, " (customer)");
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        handler.handle(event("c2", new CompanyChanged(CompanyChanged.Kind.CREATED,
                new Company("c2", "Bolt", null, null, null)), 1, t0));
        OutboundEvent underAcme = event("p-acme", new ProjectChanged(ProjectChanged.Kind.CREATED,
                new Project("p1", "c1", "Kitchen", null)), 2, t0.plusSeconds(1));
        assertThat(handler.handle(underAcme)).contains("COMPANY:c1");
        handler.handle(event("p-bolt", new ProjectChanged(ProjectChanged.Kind.CREATED,
                new Project("p1", "c2", "Kitchen", null)), 3, t0.plusSeconds(2)));
        handler.handle(event("c1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME), 4, t0.plusSeconds(3)));

        assertThat(handler.handle(underAcme)).as("released once its parent is seen").isEmpty();
        handler().handle(underAcme);

        assertThat(qbo.all("Customer")).as("Acme comes with its first project sent, and none is")
                .extracting(c -> c.path("DisplayName").asString()).containsExactly("Bolt", "Kitchen");
        assertThat(outcomes).filteredOn(o -> "p-acme".equals(o.causationId())).singleElement()
                .satisfies(o -> assertThat(o.reason()).contains("a newer event of this record was handled"));
    }

    @Test
    void shouldSendAnEventThatHappenedLaterOrWhosePositionIsUnknown() {
        settings = companies(CompanyCreation.WHEN_CREATED, NameConflictPolicy.HOLD);
        Instant t0 = Instant.parse("2026-11-30T10:00:00Z");
        handler.handle(event("e1", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME), 10, t0));
        handler().handle(event("e2", new CompanyChanged(CompanyChanged.Kind.UPDATED,
                new Company("c1", "Acme Roofing", "ap@acme.com", null, null)), 11, t0.plusSeconds(1)));
        // a topic made again: its offsets start over, its events happen later
        handler().handle(event("e3", new CompanyChanged(CompanyChanged.Kind.UPDATED,
                new Company("c1", "Acme Roofing Ltd", "ap@acme.com", null, null)), 0, t0.plusSeconds(60)));
        handler().handle(event("e4", new CompanyChanged(CompanyChanged.Kind.UPDATED,
                new Company("c1", "Acme Roofing & Sons", "ap@acme.com", null, null))));

        assertThat(qbo.all("Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactly("Acme Roofing & Sons");
        assertThat(outcomes).extracting(SyncOutcomeRecord::causationId).containsExactly("e1", "e2", "e3", "e4");
    }

    private static ServiceInvoice invoice(String lineAmount, String total) {
        return new ServiceInvoice("i1", "c1", "t1", "INV-1", LocalDate.of(2026, 11, 20), null,
                List.of(new InvoiceLine("work", BigDecimal.ONE, new BigDecimal(lineAmount), new BigDecimal(lineAmount))),
                new BigDecimal(total));
    }

    @Test
    void shouldWaitForAnUnseenCompanyBeforeCreatingAProject() {
        settings = new OutboundSettings(CompanyCreation.WHEN_FIRST_PROJECT_OR_TICKET_SENT, ProjectCreation.WHEN_CREATED,
                false, OutboundSettings.TicketCreation.NO, false, InvoiceCreation.NEVER, false,
                OutboundSettings.InvoiceLineMode.SINGLE_LINE, "1", NameConflictPolicy.HOLD, " (customer)");
        OutboundEvent project = event("p", new ProjectChanged(ProjectChanged.Kind.CREATED,
                new Project("p1", "c1", "Kitchen", null)));

        assertThat(handler.handle(project)).contains("COMPANY:c1");
        handler.handle(event("c", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        assertThat(handler.handle(project)).isEmpty();

        assertThat(qbo.all("Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactly("Acme", "Kitchen");
        assertThat(mapping.links).containsKeys("t1/COMPANY/c1", "t1/PROJECT/p1");
    }

    @Test
    void shouldSkipAChildWhoseCompanyMayNeverBeCreated() {
        settings = new OutboundSettings(CompanyCreation.NEVER, ProjectCreation.WHEN_CREATED, false,
                OutboundSettings.TicketCreation.NO, false, InvoiceCreation.NEVER, false,
                OutboundSettings.InvoiceLineMode.SINGLE_LINE, "1", NameConflictPolicy.HOLD, " (customer)");

        Optional<String> waits = handler.handle(event("p", new ProjectChanged(ProjectChanged.Kind.CREATED,
                new Project("p1", "c1", "Kitchen", null))));

        assertThat(waits).isEmpty();
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.entity()).isEqualTo(EntityKind.PROJECT);
            assertThat(o.result()).isEqualTo(Result.SKIPPED_BY_SETTINGS);
        });
    }

    @Test
    void shouldBillTheCompanyCustomerWhenTicketsDoNotSync() {
        settings = invoices(false, OutboundSettings.InvoiceLineMode.SINGLE_LINE);
        handler.handle(event("c", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        handler.handle(event("i", new InvoiceChanged(InvoiceChanged.Kind.CREATED, invoice("50.00", "50.00"))));

        String customerId = mapping.links.get("t1/COMPANY/c1");
        assertThat(qbo.all("Invoice")).singleElement().satisfies(invoice ->
                assertThat(invoice.path("CustomerRef").path("value").asString()).isEqualTo(customerId));
    }

    @Test
    void shouldHoldAProjectWhoseNameAVendorHasAsAConflictUnderHold() {
        settings = projects(NameConflictPolicy.HOLD);
        String vendor = qbo.add("Vendor", json("Kitchen")).path("Id").asString();
        handler.handle(event("c", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));

        handler.handle(event("p", new ProjectChanged(ProjectChanged.Kind.CREATED,
                new Project("p1", "c1", "Kitchen", null))));

        assertThat(outcomes).filteredOn(o -> o.entity() == EntityKind.PROJECT).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.CONFLICT);
            assertThat(o.reason()).isEqualTo("QBO Vendor " + vendor + " 'Kitchen' already uses the name of project p1;"
                    + " held (nameConflictPolicy HOLD)");
            assertThat(o.qboErrorCode()).isEqualTo("6240");
        });
        assertThat(qbo.all("Customer")).extracting(c -> c.path("DisplayName").asString()).containsExactly("Acme");
        assertThat(mapping.links).doesNotContainKey("t1/PROJECT/p1");
    }

    @Test
    void shouldSuffixAProjectWhoseNameAVendorHasUnderSuffix() {
        settings = projects(NameConflictPolicy.SUFFIX);
        qbo.add("Vendor", json("Kitchen"));
        handler.handle(event("c", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        int callsBefore = qbo.calls;

        handler.handle(event("p", new ProjectChanged(ProjectChanged.Kind.CREATED,
                new Project("p1", "c1", "Kitchen", null))));

        assertThat(outcomes).filteredOn(o -> o.entity() == EntityKind.PROJECT).singleElement()
                .satisfies(o -> assertThat(o.result()).isEqualTo(Result.SYNCED));
        assertThat(qbo.all("Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactly("Acme", "Kitchen (customer)");
        // our own job is looked for in the Customer list only: a SUFFIX names no holders
        assertThat(qbo.calls - callsBefore).as("two creates, one Customer lookup").isEqualTo(3);
    }

    @Test
    void shouldHoldAnInvoiceBilledToATicketJobHeldByANameConflict() {
        settings = new OutboundSettings(CompanyCreation.WHEN_CREATED, ProjectCreation.NO, false,
                OutboundSettings.TicketCreation.WHEN_INVOICED, false, InvoiceCreation.WHEN_CREATED, false,
                OutboundSettings.InvoiceLineMode.SINGLE_LINE, "1", NameConflictPolicy.HOLD, " (customer)");
        qbo.add("Employee", json("Ticket T-1"));
        handler.handle(event("c", new CompanyChanged(CompanyChanged.Kind.CREATED, ACME)));
        handler.handle(event("t", new TicketChanged(TicketChanged.Kind.CREATED,
                new ServiceTicket("t1", "c1", "T-1", null, null))));

        handler.handle(event("i", new InvoiceChanged(InvoiceChanged.Kind.CREATED, new ServiceInvoice("i1", "c1", "t1",
                "INV-1", LocalDate.of(2026, 11, 20), null, List.of(), new BigDecimal("50.00")))));

        assertThat(outcomes).filteredOn(o -> o.causationId().equals("i")).extracting(SyncOutcomeRecord::entity,
                SyncOutcomeRecord::result).containsExactly(
                        tuple(EntityKind.SERVICE_TICKET, Result.CONFLICT),
                        tuple(EntityKind.SERVICE_INVOICE, Result.CONFLICT));
        assertThat(qbo.all("Invoice")).isEmpty();
    }

    private HandleCenterpointEvent handler() {
        return fakes.handler(tenant -> settings, (tenant, id) -> Optional.ofNullable(ownCommands.get(id)));
    }

    private static OutboundSettings companies(CompanyCreation creation, NameConflictPolicy policy) {
        OutboundSettings none = OutboundSettings.none();
        return new OutboundSettings(creation, none.projectsToQbo(), false, none.serviceTicketsToQbo(), false,
                none.serviceInvoicesToQbo(), false, none.invoiceLineMode(), none.invoiceItemId(), policy,
                none.nameConflictSuffix());
    }

    /** Companies and invoices as they are created, no projects or tickets. */
    private static OutboundSettings invoices(boolean sendInvoiceChanges, OutboundSettings.InvoiceLineMode lineMode) {
        return new OutboundSettings(CompanyCreation.WHEN_CREATED, ProjectCreation.NO, false,
                OutboundSettings.TicketCreation.NO, false, InvoiceCreation.WHEN_CREATED, sendInvoiceChanges, lineMode,
                "1", NameConflictPolicy.HOLD, " (customer)");
    }

    private static OutboundSettings projects(NameConflictPolicy policy) {
        return new OutboundSettings(CompanyCreation.WHEN_CREATED, ProjectCreation.WHEN_CREATED, false,
                OutboundSettings.TicketCreation.NO, false, InvoiceCreation.NEVER, false,
                OutboundSettings.InvoiceLineMode.SINGLE_LINE, "1", policy, " (customer)");
    }

    private static OutboundEvent event(String id, EventPayload payload) {
        return new OutboundEvent(id, "t1", Instant.now(), null, payload);
    }

    /** An event read at {@code offset} of partition 0 of the events topic. */
    private static OutboundEvent event(String id, EventPayload payload, long offset, Instant occurredAt) {
        return new OutboundEvent(id, "t1", occurredAt, null, payload, new SourcePosition(0, offset));
    }

    private static tools.jackson.databind.node.ObjectNode json(String displayName) {
        return JsonNodeFactory.instance.objectNode().put("DisplayName", displayName);
    }
}
