package com.cpsync.inbound.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.decision.Command.UpsertCompany;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.inbound.domain.decision.Result;
import com.cpsync.inbound.domain.qbo.QboEntityParser;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessQboChangesTest {

    private static final Instant T1 = Instant.parse("2026-11-26T09:00:00Z");
    private static final InboundSettings NEW_AND_CHANGED_COMPANIES =
            new InboundSettings(true, true, false, false, false, false, false, false);

    private final InMemoryPorts.Mapping mapping = new InMemoryPorts.Mapping();
    private final InMemoryPorts.Qbo qbo = new InMemoryPorts.Qbo();
    private final InMemoryPorts.Publisher publisher = new InMemoryPorts.Publisher();
    private final InMemoryPorts.Settings settings = new InMemoryPorts.Settings();
    private final InMemoryPorts.NoMetrics metrics = new InMemoryPorts.NoMetrics();
    private ProcessQboChanges process;

    @BeforeEach
    void setUp() {
        QboEntityParser parser = new QboEntityParser(QboJson.mapper());
        process = new ProcessQboChanges(mapping, settings, new EntityStates(qbo, 2),
                new DecideChange(mapping, qbo, parser), publisher, parser, metrics,
                Clock.fixed(qbo.now, ZoneOffset.UTC));
        mapping.byRealm.put("r1", new Connection("t1", "r1", true));
        settings.byTenant.put("t1", NEW_AND_CHANGED_COMPANIES);
    }

    private static String customerJson(String id, String token, Instant updated) {
        return "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + token + "\",\"DisplayName\":\"C" + id + "\","
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + updated + "\"}}";
    }

    private static EntityChange webhook(String changeId, String id, Instant lastUpdated) {
        return new EntityChange(changeId, "r1", "Customer", id, ChangeOperation.CREATE, lastUpdated, null,
                ChangeSource.WEBHOOK, lastUpdated, null);
    }

    @Test
    void shouldReadEachSingleWebhookChangeOnce() {
        qbo.put("Customer", "1", customerJson("1", "0", T1), T1);

        process.process(List.of(webhook("e1", "1", T1)));

        assertThat(qbo.reads).isEqualTo(1);
        assertThat(qbo.cdcCalls).isZero();
        assertThat(publisher.commands()).singleElement()
                .satisfies(e -> assertThat(((UpsertCompany) e.decision().command()).name()).isEqualTo("C1"));
    }

    @Test
    void shouldUseOneCdcCallInsteadOfOneReadPerChangeWhenSeveralArriveTogether() {
        for (int i = 1; i <= 5; i++) {
            Instant at = T1.plusSeconds(i);
            qbo.put("Customer", String.valueOf(i), customerJson(String.valueOf(i), "0", at), at);
        }
        List<EntityChange> batch = List.of(webhook("e1", "1", T1.plusSeconds(1)), webhook("e2", "2", T1.plusSeconds(2)),
                webhook("e3", "3", T1.plusSeconds(3)), webhook("e4", "4", T1.plusSeconds(4)),
                webhook("e5", "5", T1.plusSeconds(5)));

        process.process(batch);

        assertThat(qbo.cdcCalls).isEqualTo(1);
        assertThat(qbo.reads).isZero();
        assertThat(publisher.commands()).hasSize(5);
    }

    @Test
    void shouldCollapseTheSameChangeDeliveredByWebhookTwiceAndByCdc() {
        String json = customerJson("1", "0", T1);
        qbo.put("Customer", "1", json, T1);
        EntityChange cdc = new EntityChange("cdc-1", "r1", "Customer", "1", ChangeOperation.CREATE, T1, null,
                ChangeSource.CDC, T1, json);

        process.process(List.of(webhook("e1", "1", T1)));
        process.process(List.of(webhook("e1", "1", T1)));
        process.process(List.of(cdc));

        assertThat(publisher.commands()).hasSize(1);
        assertThat(publisher.emissions).hasSize(1);
        assertThat(qbo.reads).isEqualTo(1);
    }

    @Test
    void shouldIgnoreAChangeOlderThanTheLastApplied() {
        Instant t2 = T1.plusSeconds(60);
        qbo.put("Customer", "1", customerJson("1", "1", t2), t2);
        process.process(List.of(webhook("new", "1", t2)));

        process.process(List.of(new EntityChange("old", "r1", "Customer", "1", ChangeOperation.UPDATE, T1, null,
                ChangeSource.CDC, T1, customerJson("1", "0", T1))));

        assertThat(publisher.commands()).hasSize(1);
    }

    @Test
    void shouldApplyAnEditAndADeleteMadeWithinTheSameSecondAsTheCreate() {
        settings.byTenant.put("t1", new InboundSettings(false, false, true, true, true, true, true, true));
        mapping.link("t1", "PROJECT", "p-1", "61");
        String created = "{\"Id\":\"9\",\"SyncToken\":\"0\",\"CustomerRef\":{\"value\":\"61\"},\"TxnDate\":\"2026-11-26\","
                + "\"TotalAmt\":10,\"Balance\":10,\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}";
        String edited = created.replace("\"SyncToken\":\"0\"", "\"SyncToken\":\"1\"").replace("10,", "12,");
        EntityChange create = new EntityChange("c", "r1", "Invoice", "9", ChangeOperation.CREATE, T1, null,
                ChangeSource.CDC, T1, created);
        EntityChange edit = new EntityChange("u", "r1", "Invoice", "9", ChangeOperation.UPDATE, T1, null,
                ChangeSource.CDC, T1, edited);
        EntityChange delete = new EntityChange("d", "r1", "Invoice", "9", ChangeOperation.DELETE, T1, null,
                ChangeSource.WEBHOOK, T1, null);

        process.process(List.of(create));
        process.process(List.of(edit));
        process.process(List.of(delete));

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
    void shouldSkipWithoutReadingWhenTheTenantHasNoSettingsOrNoSettingIsOn() {
        mapping.byRealm.put("r2", new Connection("t2", "r2", true));
        settings.byTenant.put("t3", InboundSettings.nothing());
        mapping.byRealm.put("r3", new Connection("t3", "r3", true));

        process.process(List.of(
                new EntityChange("a", "r2", "Customer", "1", ChangeOperation.CREATE, T1, null, ChangeSource.WEBHOOK, T1, null),
                new EntityChange("b", "r3", "Payment", "1", ChangeOperation.CREATE, T1, null, ChangeSource.WEBHOOK, T1, null)));

        assertThat(qbo.reads + qbo.cdcCalls).isZero();
        assertThat(publisher.emissions).extracting(e -> e.decision().result())
                .containsExactly(Result.SKIPPED_BY_SETTINGS, Result.SKIPPED_BY_SETTINGS);
        assertThat(publisher.emissions.get(0).decision().reason()).contains("no sync settings");
    }

    @Test
    void shouldDeadLetterAChangeOfARealmNoTenantConnectedAndFailOneOfADisconnectedTenant() {
        mapping.byRealm.put("r4", new Connection("t4", "r4", false));

        process.process(List.of(
                new EntityChange("x", "unknown", "Customer", "1", ChangeOperation.CREATE, T1, null, ChangeSource.WEBHOOK, T1, null),
                new EntityChange("y", "r4", "Customer", "1", ChangeOperation.CREATE, T1, null, ChangeSource.WEBHOOK, T1, null)));

        assertThat(publisher.deadLetters).extracting(EntityChange::changeId).containsExactly("x");
        assertThat(publisher.emissions).singleElement()
                .satisfies(e -> assertThat(e.decision().result()).isEqualTo(Result.FAILED));
    }

    @Test
    void shouldRecordAFailedOutcomeWhenQboRefusesTheReadForGood() {
        qbo.refusing = true;

        process.process(List.of(webhook("e1", "1", T1)));

        assertThat(publisher.emissions).singleElement().satisfies(e -> {
            assertThat(e.decision().result()).isEqualTo(Result.FAILED);
            assertThat(e.decision().reason()).contains("AuthorizationFault");
        });
    }

    @Test
    void shouldRepointCompanyLinksOnACustomerMerge() {
        mapping.link("t1", "COMPANY", "c-1", "27");

        process.process(List.of(new EntityChange("m", "r1", "Customer", "123", ChangeOperation.MERGE, T1, "27",
                ChangeSource.WEBHOOK, T1, null)));

        assertThat(mapping.centerpointIdOf("t1", "COMPANY", "123")).contains("c-1");
        assertThat(mapping.centerpointIdOf("t1", "COMPANY", "27")).isEmpty();
        assertThat(publisher.emissions).singleElement().satisfies(e -> assertThat(e.decision().result())
                .isEqualTo(Result.SYNCED));
        assertThat(qbo.reads).isZero();
    }

    @Test
    void shouldForwardAFailingRealmToTheRetryTopicAndStillProcessTheOtherRealmsOfTheBatch() {
        mapping.byRealm.put("r2", new Connection("t2", "r2", true));
        settings.byTenant.put("t2", NEW_AND_CHANGED_COMPANIES);
        qbo.put("Customer", "1", customerJson("1", "0", T1), T1);
        qbo.down.add("r2");
        EntityChange failing = new EntityChange("e2", "r2", "Customer", "7", ChangeOperation.CREATE, T1, null,
                ChangeSource.WEBHOOK, T1, null);
        EntityChange sameRealmLater = new EntityChange("e3", "r2", "Customer", "8", ChangeOperation.CREATE,
                T1.plusSeconds(1), null, ChangeSource.WEBHOOK, T1.plusSeconds(1), null);

        process.process(List.of(failing, webhook("e1", "1", T1), sameRealmLater));

        assertThat(publisher.commands()).singleElement().satisfies(e -> assertThat(e.tenantId()).isEqualTo("t1"));
        assertThat(publisher.retried).containsExactly(failing, sameRealmLater);
        assertThat(publisher.deadLetters).isEmpty();
    }

    @Test
    void shouldForwardAParkedRealmsLaterChangesWithoutCallingQbo() {
        mapping.byRealm.put("r2", new Connection("t2", "r2", true));
        settings.byTenant.put("t2", NEW_AND_CHANGED_COMPANIES);
        qbo.down.add("r2");
        EntityChange first = new EntityChange("e2", "r2", "Customer", "7", ChangeOperation.CREATE, T1, null,
                ChangeSource.WEBHOOK, T1, null);
        EntityChange next = new EntityChange("e3", "r2", "Customer", "8", ChangeOperation.CREATE, T1, null,
                ChangeSource.WEBHOOK, T1, null);
        process.process(List.of(first));
        int readsBefore = qbo.reads;

        process.process(List.of(next));

        assertThat(qbo.reads).isEqualTo(readsBefore);
        assertThat(publisher.retried).containsExactly(first, next);
    }

    @Test
    void shouldGiveTheSameCommandIdToTheSameVersionWhicheverWayItCame() {
        String json = customerJson("1", "0", T1);
        qbo.put("Customer", "1", json, T1);
        process.process(List.of(webhook("e1", "1", T1)));
        String first = publisher.commands().get(0).commandId();
        mapping.applied.clear();
        ProcessQboChangesTest other = new ProcessQboChangesTest();
        other.setUp();
        other.qbo.put("Customer", "1", json, T1);

        other.process.process(List.of(new EntityChange("cdc", "r1", "Customer", "1", ChangeOperation.CREATE, T1,
                null, ChangeSource.CDC, T1, json)));

        assertThat(other.publisher.commands().get(0).commandId()).isEqualTo(first);
    }
}
