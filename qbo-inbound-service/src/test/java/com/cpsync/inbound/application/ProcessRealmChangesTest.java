package com.cpsync.inbound.application;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.decision.Command.UpsertCompany;
import com.cpsync.inbound.domain.decision.Action;
import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.inbound.domain.decision.Decision.Failed;
import com.cpsync.inbound.domain.decision.Decision.Relinked;
import com.cpsync.inbound.domain.decision.Command.UpsertInvoicePayment;
import com.cpsync.inbound.domain.decision.Command.UpsertProjectInvoice;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.LinkedEntity;

import static com.cpsync.inbound.application.InboundFixture.T1;
import static com.cpsync.inbound.application.InboundFixture.customerJson;
import static com.cpsync.inbound.application.InboundFixture.webhook;
import static org.assertj.core.api.Assertions.assertThat;

class ProcessRealmChangesTest {

    private static final Instant T2 = T1.plusSeconds(60);

    private final InboundFixture inbound = new InboundFixture();
    private final InMemoryPorts.Qbo qbo = inbound.qbo;
    private final InMemoryPorts.Publisher publisher = inbound.publisher;

    private void process(EntityChange... changes) {
        inbound.realms.process("r1", List.of(changes));
    }

    @Test
    void shouldHoldAnInvoiceWhoseLinkClashesAsAConflictAndSendNoCommand() {
        inbound.settings.byTenant.put("t1", new InboundSettings(false, false, true, true, false, false, false, false));
        inbound.mapping.links.put("t1/PROJECT/77", "p-B");
        inbound.mapping.links.put("t1/PROJECT_INVOICE/129", "p-A:129");
        qbo.put(QboEntity.INVOICE, "129", "{\"Id\":\"129\",\"SyncToken\":\"2\",\"CustomerRef\":{\"value\":\"77\"},"
                + "\"TxnDate\":\"2026-11-20\",\"TotalAmt\":380.00,\"Balance\":380.00,\"Line\":[],"
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}", T1);

        process(new EntityChange("e1", "r1", QboEntity.INVOICE, "129", ChangeOperation.UPDATE, T1, null,
                ChangeSource.WEBHOOK, T1, null));

        assertThat(publisher.commands()).isEmpty();
        assertThat(publisher.emissions).singleElement().satisfies(e -> {
            assertThat(e.decision()).isInstanceOf(Decision.Conflict.class);
            assertThat(e.decision().reason()).contains("link clash", "p-B:129", "already linked to p-A:129");
        });
        assertThat(inbound.mapping.links).containsEntry("t1/PROJECT_INVOICE/129", "p-A:129");
    }

    /**
     * Chaos finding (issue 8): cp-outbound created customer C9 for company co-9, the reply was lost, and
     * the customer's webhook arrived before the retry linked it: it was imported as a second company.
     */
    @Test
    void shouldLinkANewCustomerThatCpOutboundAnnouncedInsteadOfImportingIt() {
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.COMPANY, "co-9", "t1", "C9", null));
        qbo.put(QboEntity.CUSTOMER, "9", customerJson("9", "0", T1), T1);

        process(webhook("e1", "9", T1));

        assertThat(publisher.commands()).isEmpty();
        assertThat(publisher.emissions).singleElement()
                .satisfies(e -> assertThat(e.decision()).isInstanceOf(Decision.EchoSuppressed.class)
                        .extracting(Decision::centerpointId).isEqualTo("co-9"));
        assertThat(inbound.mapping.links).containsEntry("t1/COMPANY/9", "co-9");
    }

    @Test
    void shouldImportANewCustomerWhoseNameOrParentNoAnnouncementHas() {
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.COMPANY, "co-8", "t1", "C8", null));
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.PROJECT, "pr-9", "t1", "C9", "58"));
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.COMPANY, "co-9", "another-tenant", "C9", null));
        qbo.put(QboEntity.CUSTOMER, "9", customerJson("9", "0", T1), T1);

        process(webhook("e1", "9", T1));

        assertThat(publisher.commands()).singleElement()
                .satisfies(e -> assertThat(((UpsertCompany) command(e)).name()).isEqualTo("C9"));
        assertThat(inbound.mapping.links).doesNotContainKey("t1/COMPANY/9");
    }

    /**
     * Chaos finding (issue 8): an invoice made in QBO for a project's sub-customer whose create reply was
     * lost (not linked yet) was skipped as "not a synced project", for ever, and so was its payment.
     */
    @Test
    void shouldTakeAnInvoiceOfAnAnnouncedProjectsSubCustomerAsThatProjectsInvoice() {
        inbound.settings.byTenant.put("t1", new InboundSettings(false, false, true, true, false, false, false, false));
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.PROJECT, "pr-7", "t1", "Kitchen", "58"));
        qbo.put(QboEntity.CUSTOMER, "77", jobJson("77", "Kitchen", "58"), T1);
        qbo.put(QboEntity.INVOICE, "129", "{\"Id\":\"129\",\"SyncToken\":\"0\",\"CustomerRef\":{\"value\":\"77\"},"
                + "\"TxnDate\":\"2026-11-20\",\"TotalAmt\":380.00,\"Balance\":380.00,\"Line\":[],"
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}", T1);

        process(InboundFixture.change("e1", "r1", QboEntity.INVOICE, "129", T1));

        assertThat(inbound.mapping.links).containsEntry("t1/PROJECT/77", "pr-7");
        assertThat(publisher.commands()).singleElement()
                .satisfies(e -> assertThat(((UpsertProjectInvoice) command(e)).projectId()).isEqualTo("pr-7"));
    }

    /**
     * Chaos finding 9 (issue 8): cp-outbound created service invoice I0010 and was still linking it (its
     * reply lost, mapping-service down) when the customer paid it in QBO: the payment was skipped as
     * "applied to no synced invoice", for ever.
     */
    @Test
    void shouldApplyAPaymentOfAServiceInvoiceThatCpOutboundAnnouncedButHasNotLinkedYet() {
        paymentsOn();
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.SERVICE_INVOICE, "si-10", "t1", "I0010", "58"));
        qbo.put(QboEntity.INVOICE, "129", serviceInvoiceJson("129", "I0010", "58"), T1);
        qbo.put(QboEntity.PAYMENT, "300", paymentJson("300", "58", "129"), T1);

        process(InboundFixture.change("e1", "r1", QboEntity.PAYMENT, "300", T1));

        assertThat(inbound.mapping.links).containsEntry("t1/SERVICE_INVOICE/129", "si-10");
        assertThatTheOnlyPaymentCommandPays("si-10");
    }

    /** cp-outbound links the invoice and withdraws its announcement between this service's two looks. */
    @Test
    void shouldApplyAPaymentOfAServiceInvoiceLinkedWhileItsAnnouncementWasBeingRead() {
        paymentsOn();
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.SERVICE_INVOICE, "si-10", "t1", "I0010", "58"));
        inbound.mapping.beforeAnnouncementsRead = () -> {
            inbound.mapping.links.put("t1/SERVICE_INVOICE/129", "si-10");
            inbound.mapping.announced.clear();
        };
        qbo.put(QboEntity.INVOICE, "129", serviceInvoiceJson("129", "I0010", "58"), T1);
        qbo.put(QboEntity.PAYMENT, "300", paymentJson("300", "58", "129"), T1);

        process(InboundFixture.change("e1", "r1", QboEntity.PAYMENT, "300", T1));

        assertThatTheOnlyPaymentCommandPays("si-10");
    }

    @Test
    void shouldSkipAPaymentOfAnInvoiceThatNoAnnouncementDescribes() {
        paymentsOn();
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.SERVICE_INVOICE, "si-10", "t1", "I0010", "59"));
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.SERVICE_INVOICE, "si-11", "t1", "I0011", "58"));
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.SERVICE_INVOICE, "si-12", "t2", "I0010", "58"));
        qbo.put(QboEntity.INVOICE, "129", serviceInvoiceJson("129", "I0010", "58"), T1);
        qbo.put(QboEntity.PAYMENT, "300", paymentJson("300", "58", "129"), T1);

        process(InboundFixture.change("e1", "r1", QboEntity.PAYMENT, "300", T1));

        assertThat(publisher.commands()).isEmpty();
        assertThat(publisher.emissions).singleElement().satisfies(e -> assertThat(e.decision().reason())
                .isEqualTo("payment is applied to no synced invoice"));
        assertThat(inbound.mapping.links).isEmpty();
    }

    /** An invoice's announcement names its DocNumber and customer: a job of that name is not its copy. */
    @Test
    void shouldNotTakeAJobForAServiceInvoiceAnnouncedUnderTheSameNameAndParent() {
        inbound.settings.byTenant.put("t1", new InboundSettings(true, false, false, false, false, false, false, false));
        inbound.mapping.announced.add(new AnnouncedCreate(LinkedEntity.SERVICE_INVOICE, "si-10", "t1", "I0010", "58"));
        qbo.put(QboEntity.CUSTOMER, "77", jobJson("77", "I0010", "58"), T1);

        process(webhook("e1", "77", T1));

        assertThat(inbound.mapping.links).doesNotContainKey("t1/SERVICE_INVOICE/77");
        assertThat(publisher.emissions).singleElement()
                .satisfies(e -> assertThat(e.decision()).isNotInstanceOf(Decision.EchoSuppressed.class));
    }

    /**
     * Chaos run 10 (issue 8): the payment's command was linked, then its publish failed (Kafka restarting). The
     * retry took the link for "emitted before", decided it under getPaymentChanges (off) and skipped it for good:
     * Centerpoint never got the payment.
     */
    @Test
    void shouldSendAPaymentAsNewWhenItsLinkedCommandWasNeverPublished() {
        newPaymentsOnlyAndAPaymentOfALinkedInvoice();
        inbound.mapping.links.put("t1/PAYMENT/300", "300");

        process(InboundFixture.change("e1", "r1", QboEntity.PAYMENT, "300", T1));

        assertThatTheOnlyPaymentCommandPays("si-10");
        assertThat(publisher.emissions).singleElement()
                .satisfies(e -> assertThat(e.decision().action()).isEqualTo(Action.CREATE));
    }

    @Test
    void shouldTakeAPaymentWhoseCommandWasPublishedAsAChange() {
        newPaymentsOnlyAndAPaymentOfALinkedInvoice();
        process(InboundFixture.change("e1", "r1", QboEntity.PAYMENT, "300", T1));
        qbo.put(QboEntity.PAYMENT, "300", paymentJson("300", "58", "129").replace("100.00", "90.00")
                .replace("\"SyncToken\":\"0\"", "\"SyncToken\":\"1\"").replace(T1.toString(), T2.toString()), T2);

        process(InboundFixture.change("e2", "r1", QboEntity.PAYMENT, "300", T2));

        assertThat(publisher.commands()).as("the first, as new").hasSize(1);
        assertThat(publisher.emissions.get(publisher.emissions.size() - 1).decision().reason())
                .isEqualTo("getPaymentChanges is off");
    }

    private void assertThatTheOnlyPaymentCommandPays(String serviceInvoiceId) {
        assertThat(publisher.commands()).singleElement().satisfies(e -> assertThat(
                ((UpsertInvoicePayment) command(e)).applications()).singleElement()
                .satisfies(applied -> assertThat(applied.centerpointInvoiceId()).isEqualTo(serviceInvoiceId)));
    }

    private void paymentsOn() {
        inbound.settings.byTenant.put("t1", new InboundSettings(false, false, false, false, false, true, true, true));
    }

    /** New payments are taken, their changes not; QBO holds payment 300 of invoice 129, which is si-10's. */
    private void newPaymentsOnlyAndAPaymentOfALinkedInvoice() {
        inbound.settings.byTenant.put("t1", new InboundSettings(false, false, false, false, false, true, false, false));
        inbound.mapping.links.put("t1/SERVICE_INVOICE/129", "si-10");
        qbo.put(QboEntity.INVOICE, "129", serviceInvoiceJson("129", "I0010", "58"), T1);
        qbo.put(QboEntity.PAYMENT, "300", paymentJson("300", "58", "129"), T1);
    }

    /** A sub-customer (QBO's job) of the given parent customer. */
    private static String jobJson(String id, String displayName, String parentId) {
        return "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"DisplayName\":\"" + displayName + "\","
                + "\"Job\":true,\"ParentRef\":{\"value\":\"" + parentId + "\"},"
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}";
    }

    private static String serviceInvoiceJson(String id, String docNumber, String customerId) {
        return "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"DocNumber\":\"" + docNumber + "\","
                + "\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"TxnDate\":\"2026-11-20\",\"TotalAmt\":380.00,"
                + "\"Balance\":380.00,\"Line\":[],\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}";
    }

    private static String paymentJson(String id, String customerId, String invoiceId) {
        return "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"CustomerRef\":{\"value\":\"" + customerId + "\"},"
                + "\"TxnDate\":\"2026-11-21\",\"TotalAmt\":100.00,\"PaymentRefNum\":\"Y0014\",\"Line\":[{\"Amount\":100.00,"
                + "\"LinkedTxn\":[{\"TxnId\":\"" + invoiceId + "\",\"TxnType\":\"Invoice\"}]}],"
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}";
    }

    @Test
    void shouldNotReadTheCustomerOfAnInvoiceWhenNoProjectCreateIsAnnounced() {
        inbound.settings.byTenant.put("t1", new InboundSettings(false, false, true, true, false, false, false, false));
        qbo.put(QboEntity.INVOICE, "129", "{\"Id\":\"129\",\"SyncToken\":\"0\",\"CustomerRef\":{\"value\":\"77\"},"
                + "\"TxnDate\":\"2026-11-20\",\"TotalAmt\":380.00,\"Balance\":380.00,\"Line\":[],"
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}", T1);

        process(InboundFixture.change("e1", "r1", QboEntity.INVOICE, "129", T1));

        assertThat(qbo.reads).as("the invoice's own read only").isEqualTo(1);
        assertThat(publisher.commands()).isEmpty();
    }

    /**
     * Chaos finding (issue 8): a newer QBO version with the same content (our own update whose reply was
     * lost, so its SyncToken was never recorded as ours) was applied a second time in Centerpoint.
     */
    @Test
    void shouldNotSendCenterpointTheSameCommandAgainForANewerVersionWithTheSameContent() {
        inbound.mapping.links.put("t1/COMPANY/5", "co-5");
        qbo.put(QboEntity.CUSTOMER, "5", customerJson("5", "1", T1), T1);
        process(webhook("e1", "5", T1));
        assertThat(publisher.commands()).hasSize(1);

        Instant later = T1.plusSeconds(30);
        qbo.put(QboEntity.CUSTOMER, "5", customerJson("5", "2", later), later);
        process(webhook("e2", "5", later));

        assertThat(publisher.commands()).as("nothing new for Centerpoint").hasSize(1);
        assertThat(publisher.emissions.get(publisher.emissions.size() - 1).decision())
                .isInstanceOf(Decision.Unchanged.class)
                .satisfies(d -> assertThat(d.reason()).contains("no command sent"));

        Instant renamed = T1.plusSeconds(60);
        qbo.put(QboEntity.CUSTOMER, "5", customerJson("5", "3", renamed).replace("\"C5\"", "\"C5 Renamed\""),
                renamed);
        process(webhook("e3", "5", renamed));
        assertThat(publisher.commands()).hasSize(2);
    }

    /**
     * Reconciliation's resync (issue 12): Centerpoint lacks what it was sent; the console announces QBO's entity
     * again, and it is sent again (a new command id) though this version was applied and its command sent.
     */
    @Test
    void shouldSendAResyncedVersionAgainThoughItWasAppliedBefore() {
        inbound.mapping.links.put("t1/COMPANY/5", "co-5");
        String json = customerJson("5", "1", T1);
        qbo.put(QboEntity.CUSTOMER, "5", json, T1);
        process(webhook("e1", "5", T1));
        process(webhook("e2", "5", T1));
        assertThat(publisher.commands()).as("the same version once").hasSize(1);
        int readsBefore = qbo.reads;

        process(new EntityChange(EntityChange.RESYNC_CHANGE_PREFIX + "r1", "r1", QboEntity.CUSTOMER, "5",
                ChangeOperation.UPDATE, T1, null, ChangeSource.CDC, T1, json));

        assertThat(publisher.commands()).hasSize(2);
        assertThat(publisher.commands().get(1).commandId()).isNotEqualTo(publisher.commands().get(0).commandId());
        assertThat(qbo.reads).as("the resync carries the entity").isEqualTo(readsBefore);
    }

    /** Issue 9: the echo of our write joins the trace of the event that made the write. */
    @Test
    void shouldPutTheEchoesOutcomeInTheTraceOfTheWriteItEchoes() {
        inbound.mapping.links.put("t1/COMPANY/5", "co-5");
        inbound.mapping.writes.put("r1/Customer/5", "1");
        inbound.mapping.writeTraces.put("r1/Customer/5", "4bf92f3577b34da6a3ce929d0e0e4736");
        qbo.put(QboEntity.CUSTOMER, "5", customerJson("5", "1", T1), T1);

        process(webhook("e1", "5", T1));

        assertThat(publisher.emissions).singleElement().satisfies(e -> {
            assertThat(e.decision()).isInstanceOf(Decision.EchoSuppressed.class);
            assertThat(e.traceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
        });
    }

    @Test
    void shouldReadEachSingleWebhookChangeOnce() {
        qbo.put(QboEntity.CUSTOMER, "1", customerJson("1", "0", T1), T1);

        process(webhook("e1", "1", T1));

        assertThat(qbo.reads).isEqualTo(1);
        assertThat(qbo.cdcCalls).isZero();
        assertThat(publisher.commands()).singleElement()
                .satisfies(e -> assertThat(((UpsertCompany) command(e)).name()).isEqualTo("C1"));
    }

    @Test
    void shouldUseOneCdcCallInsteadOfOneReadPerChangeWhenSeveralArriveTogether() {
        for (int i = 1; i <= 5; i++) {
            Instant at = T1.plusSeconds(i);
            qbo.put(QboEntity.CUSTOMER, String.valueOf(i), customerJson(String.valueOf(i), "0", at), at);
        }

        process(webhook("e1", "1", T1.plusSeconds(1)), webhook("e2", "2", T1.plusSeconds(2)),
                webhook("e3", "3", T1.plusSeconds(3)), webhook("e4", "4", T1.plusSeconds(4)),
                webhook("e5", "5", T1.plusSeconds(5)));

        assertThat(qbo.cdcCalls).isEqualTo(1);
        assertThat(qbo.reads).isZero();
        assertThat(publisher.commands()).hasSize(5);
    }

    @Test
    void shouldCollapseTheSameChangeDeliveredByWebhookTwiceAndByCdc() {
        String json = customerJson("1", "0", T1);
        qbo.put(QboEntity.CUSTOMER, "1", json, T1);
        EntityChange cdc = new EntityChange("cdc-1", "r1", QboEntity.CUSTOMER, "1", ChangeOperation.CREATE, T1, null,
                ChangeSource.CDC, T1, json);

        process(webhook("e1", "1", T1));
        process(webhook("e1", "1", T1));
        process(cdc);

        assertThat(publisher.commands()).hasSize(1);
        assertThat(publisher.emissions).hasSize(1);
        assertThat(qbo.reads).isEqualTo(1);
        assertThat(inbound.metrics.duplicates).isEqualTo(2);
    }

    @Test
    void shouldIgnoreAChangeOlderThanTheLastApplied() {
        Instant t2 = T1.plusSeconds(60);
        qbo.put(QboEntity.CUSTOMER, "1", customerJson("1", "1", t2), t2);
        process(webhook("new", "1", t2));

        process(new EntityChange("old", "r1", QboEntity.CUSTOMER, "1", ChangeOperation.UPDATE, T1, null,
                ChangeSource.CDC, T1, customerJson("1", "0", T1)));

        assertThat(publisher.commands()).hasSize(1);
    }

    @Test
    void shouldApplyAnEditAndADeleteMadeWithinTheSameSecondAsTheCreate() {
        inbound.settings.byTenant.put("t1", new InboundSettings(false, false, true, true, true, true, true, true));
        inbound.mapping.link("t1", "PROJECT", "p-1", "61");
        String created = "{\"Id\":\"9\",\"SyncToken\":\"0\",\"CustomerRef\":{\"value\":\"61\"},\"TxnDate\":\"2026-11-26\","
                + "\"TotalAmt\":10,\"Balance\":10,\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}";
        String edited = created.replace("\"SyncToken\":\"0\"", "\"SyncToken\":\"1\"").replace("10,", "12,");

        process(new EntityChange("c", "r1", QboEntity.INVOICE, "9", ChangeOperation.CREATE, T1, null,
                ChangeSource.CDC, T1, created));
        process(new EntityChange("u", "r1", QboEntity.INVOICE, "9", ChangeOperation.UPDATE, T1, null,
                ChangeSource.CDC, T1, edited));
        process(new EntityChange("d", "r1", QboEntity.INVOICE, "9", ChangeOperation.DELETE, T1, null,
                ChangeSource.WEBHOOK, T1, null));

        assertThat(publisher.commands()).extracting(e -> e.decision().action().name())
                .containsExactly("CREATE", "UPDATE", "DELETE");
    }

    @Test
    void shouldOrderVersionsWithinOneSecondBySyncTokenAndPutDeletionsLast() {
        Instant second = Instant.parse("2026-11-26T09:00:00.400Z");
        assertThat(AppliedVersions.version(second, "0", false)).isEqualTo(Instant.parse("2026-11-26T09:00:00Z"));
        assertThat(AppliedVersions.version(second, "3", false)).isEqualTo(Instant.parse("2026-11-26T09:00:00.003Z"));
        assertThat(AppliedVersions.version(second, null, true)).isEqualTo(Instant.parse("2026-11-26T09:00:00.999Z"));
    }

    @Test
    void shouldRecordAFailedOutcomeWhenQboRefusesTheReadForGood() {
        qbo.refusing = true;

        process(webhook("e1", "1", T1));

        assertThat(publisher.emissions).singleElement().satisfies(e -> {
            assertThat(e.decision()).isInstanceOf(Failed.class);
            assertThat(e.decision().reason()).contains("AuthorizationFault");
            assertThat(e.commandId()).isNull();
        });
    }

    @Test
    void shouldRepointCompanyLinksOnACustomerMerge() {
        inbound.mapping.link("t1", "COMPANY", "c-1", "27");

        process(new EntityChange("m", "r1", QboEntity.CUSTOMER, "123", ChangeOperation.MERGE, T1, "27",
                ChangeSource.WEBHOOK, T1, null));

        assertThat(inbound.mapping.centerpointIdOf("t1", "COMPANY", "123")).contains("c-1");
        assertThat(inbound.mapping.centerpointIdOf("t1", "COMPANY", "27")).isEmpty();
        assertThat(publisher.emissions).singleElement().satisfies(e -> {
            assertThat(e.decision()).isEqualTo(new Relinked("123", "27"));
            assertThat(e.commandId()).isNull();
        });
        assertThat(qbo.reads).isZero();
    }

    @Test
    void shouldGiveTheSameCommandIdToTheSameVersionWhicheverWayItCame() {
        String json = customerJson("1", "0", T1);
        qbo.put(QboEntity.CUSTOMER, "1", json, T1);
        process(webhook("e1", "1", T1));
        InboundFixture other = new InboundFixture();
        other.qbo.put(QboEntity.CUSTOMER, "1", json, T1);

        other.realms.process("r1", List.of(new EntityChange("cdc", "r1", QboEntity.CUSTOMER, "1",
                ChangeOperation.CREATE, T1, null, ChangeSource.CDC, T1, json)));

        assertThat(other.publisher.commands().get(0).commandId()).isEqualTo(publisher.commands().get(0).commandId());
    }

    private static Object command(Emission emission) {
        assertThat(emission.decision()).isInstanceOf(Decision.Synced.class);
        return ((Decision.Synced) emission.decision()).command();
    }
}
