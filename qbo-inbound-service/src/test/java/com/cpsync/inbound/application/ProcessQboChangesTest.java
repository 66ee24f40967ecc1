package com.cpsync.inbound.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.application.ProcessQboChanges.Poison;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.inbound.domain.decision.Result;

import static com.cpsync.inbound.application.InboundFixture.NEW_AND_CHANGED_COMPANIES;
import static com.cpsync.inbound.application.InboundFixture.T1;
import static com.cpsync.inbound.application.InboundFixture.change;
import static com.cpsync.inbound.application.InboundFixture.customerJson;
import static com.cpsync.inbound.application.InboundFixture.read;
import static com.cpsync.inbound.application.InboundFixture.webhook;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessQboChangesTest {

    private final InboundFixture inbound = new InboundFixture();
    private final InMemoryPorts.Qbo qbo = inbound.qbo;
    private final InMemoryPorts.Publisher publisher = inbound.publisher;

    @Test
    void shouldProcessTheChangesBeforeAnUnreadableRecordAndReportItForTheDeadLetterTopic() {
        qbo.put(QboEntity.CUSTOMER, "1", customerJson("1", "0", T1), T1);
        qbo.put(QboEntity.CUSTOMER, "2", customerJson("2", "0", T1), T1);
        List<ConsumedRecord> batch = new ArrayList<>(read(webhook("e1", "1", T1)));
        batch.add(new ConsumedRecord.Unreadable("not a QboEntityChange: unreadable record"));
        batch.addAll(read(webhook("e2", "2", T1)));

        var poison = inbound.batches.process(batch);

        assertThat(poison).contains(new Poison(1, "not a QboEntityChange: unreadable record"));
        assertThat(publisher.commands()).extracting(Emission::causationId).containsExactly("e1");
    }

    @Test
    void shouldReportNothingWhenEveryRecordIsReadable() {
        qbo.put(QboEntity.CUSTOMER, "1", customerJson("1", "0", T1), T1);

        assertThat(inbound.batches.process(read(webhook("e1", "1", T1)))).isEmpty();
        assertThat(publisher.commands()).hasSize(1);
    }

    @Test
    void shouldReportAnUnreadableRetryRecordWithoutProcessingAnything() {
        var poison = inbound.batches.processRetry(List.of(new ConsumedRecord.Unreadable("unknown QBO entity 'X'")));

        assertThat(poison).contains(new Poison(0, "unknown QBO entity 'X'"));
        assertThat(publisher.emissions).isEmpty();
    }

    @Test
    void shouldCountAndLeaveOutChangesOfEntitiesThisSyncDoesNotHandle() {
        inbound.batches.process(read(change("v", "r1", QboEntity.VENDOR, "5", T1)));

        assertThat(inbound.metrics.consumed).isEqualTo(1);
        assertThat(inbound.metrics.ignored).containsExactly("Vendor");
        assertThat(publisher.emissions).isEmpty();
        assertThat(publisher.deadLetters).isEmpty();
        assertThat(qbo.reads + qbo.cdcCalls).isZero();
    }

    @Test
    void shouldSkipWithoutReadingWhenTheTenantHasNoSettingsOrNoSettingIsOn() {
        inbound.mapping.byRealm.put("r2", new Connection("t2", "r2", true));
        inbound.connect("t3", "r3", InboundSettings.nothing());

        inbound.batches.process(read(change("a", "r2", QboEntity.CUSTOMER, "1", T1),
                change("b", "r3", QboEntity.PAYMENT, "1", T1)));

        assertThat(qbo.reads + qbo.cdcCalls).isZero();
        assertThat(publisher.emissions).extracting(e -> e.decision().result())
                .containsExactly(Result.SKIPPED_BY_SETTINGS, Result.SKIPPED_BY_SETTINGS);
        assertThat(publisher.emissions.get(0).decision().reason()).contains("no sync settings");
    }

    @Test
    void shouldDeadLetterAChangeOfARealmNoTenantConnectedAndFailOneOfADisconnectedTenant() {
        inbound.mapping.byRealm.put("r4", new Connection("t4", "r4", false));

        inbound.batches.process(read(change("x", "unknown", QboEntity.CUSTOMER, "1", T1),
                change("y", "r4", QboEntity.CUSTOMER, "1", T1)));

        assertThat(publisher.deadLetters).extracting(EntityChange::changeId).containsExactly("x");
        assertThat(publisher.deadLetterReasons).containsExactly("realm unknown is not connected to any tenant");
        assertThat(publisher.emissions).singleElement()
                .satisfies(e -> assertThat(e.decision().result()).isEqualTo(Result.FAILED));
    }

    @Test
    void shouldForwardAFailingRealmToTheRetryTopicAndStillProcessTheOtherRealmsOfTheBatch() {
        inbound.connect("t2", "r2", NEW_AND_CHANGED_COMPANIES);
        qbo.put(QboEntity.CUSTOMER, "1", customerJson("1", "0", T1), T1);
        qbo.down.add("r2");
        EntityChange failing = change("e2", "r2", QboEntity.CUSTOMER, "7", T1);
        EntityChange sameRealmLater = change("e3", "r2", QboEntity.CUSTOMER, "8", T1.plusSeconds(1));

        inbound.batches.process(read(failing, webhook("e1", "1", T1), sameRealmLater));

        assertThat(publisher.commands()).singleElement().satisfies(e -> assertThat(e.tenantId()).isEqualTo("t1"));
        assertThat(publisher.retried).containsExactly(failing, sameRealmLater);
        assertThat(publisher.deadLetters).isEmpty();
    }

    @Test
    void shouldForwardAParkedRealmsLaterChangesWithoutCallingQbo() {
        inbound.connect("t2", "r2", NEW_AND_CHANGED_COMPANIES);
        qbo.down.add("r2");
        EntityChange first = change("e2", "r2", QboEntity.CUSTOMER, "7", T1);
        EntityChange next = change("e3", "r2", QboEntity.CUSTOMER, "8", T1);
        inbound.batches.process(read(first));
        int readsBefore = qbo.reads;

        inbound.batches.process(read(next));

        assertThat(qbo.reads).isEqualTo(readsBefore);
        assertThat(publisher.retried).containsExactly(first, next);
    }

    @Test
    void shouldProcessAParkedRealmAgainOnceItsParkingEnded() {
        inbound.connect("t2", "r2", NEW_AND_CHANGED_COMPANIES);
        qbo.down.add("r2");
        inbound.batches.process(read(change("e2", "r2", QboEntity.CUSTOMER, "7", T1)));
        qbo.down.remove("r2");
        qbo.put(QboEntity.CUSTOMER, "8", customerJson("8", "0", T1), T1);

        inbound.clock.advance(Duration.ofSeconds(1));
        inbound.batches.process(read(change("e3", "r2", QboEntity.CUSTOMER, "8", T1)));

        assertThat(publisher.commands()).singleElement().satisfies(e -> assertThat(e.causationId()).isEqualTo("e3"));
    }

    @Test
    void shouldParkAThrottledRealmForQbosSixtySecondsWithoutCallingItAgainWhileTheOtherRealmFlows() {
        inbound.connect("t2", "r2", NEW_AND_CHANGED_COMPANIES);
        qbo.put(QboEntity.CUSTOMER, "1", customerJson("1", "0", T1), T1);
        qbo.put(QboEntity.CUSTOMER, "7", customerJson("7", "0", T1), T1);
        qbo.throttled.add("r2");
        EntityChange throttledChange = change("e2", "r2", QboEntity.CUSTOMER, "7", T1);

        inbound.batches.process(read(throttledChange, webhook("e1", "1", T1)));

        assertThat(publisher.commands()).extracting(Emission::tenantId).containsExactly("t1");
        assertThat(publisher.retried).containsExactly(throttledChange);
        assertThat(qbo.callsOf("r2")).as("a throttle is not retried inline").isEqualTo(1);
        assertThat(inbound.parking.remaining("r2")).isEqualTo(Duration.ofSeconds(60));

        inbound.clock.advance(Duration.ofSeconds(59));
        assertThatThrownBy(() -> inbound.batches.processRetry(read(throttledChange)))
                .isInstanceOf(RealmParkedException.class);
        inbound.batches.process(read(change("e3", "r2", QboEntity.CUSTOMER, "7", T1)));
        assertThat(qbo.callsOf("r2")).as("not called within the wait").isEqualTo(1);

        qbo.throttled.remove("r2");
        inbound.clock.advance(Duration.ofSeconds(1));
        inbound.batches.processRetry(read(throttledChange));
        assertThat(publisher.commands()).extracting(Emission::tenantId).containsExactly("t1", "t2");
    }

    @Test
    void shouldParkARealmWhoseRetryFailedSoItsNextRetryDoesNotCallQboBeforeTheParkingEnded() {
        inbound.connect("t2", "r2", NEW_AND_CHANGED_COMPANIES);
        qbo.down.add("r2");
        EntityChange retried = change("e2", "r2", QboEntity.CUSTOMER, "7", T1);

        assertThatThrownBy(() -> inbound.batches.processRetry(read(retried))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> inbound.batches.processRetry(read(retried))).isInstanceOf(RealmParkedException.class);

        assertThat(qbo.callsOf("r2")).isEqualTo(1);
        assertThat(inbound.parking.route("r2")).isEqualTo(RealmParking.Route.RETRY_LATER);
    }
}
