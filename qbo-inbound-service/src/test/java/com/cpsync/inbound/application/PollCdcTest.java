package com.cpsync.inbound.application;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class PollCdcTest {

    private final InMemoryPorts.Mapping mapping = new InMemoryPorts.Mapping();
    private final InMemoryPorts.Qbo qbo = new InMemoryPorts.Qbo();
    private final InMemoryPorts.Changes publisher = new InMemoryPorts.Changes();
    private final Connection realm = new Connection("t1", "r1", true);
    private PollCdc poll;

    @BeforeEach
    void setUp() {
        poll = new PollCdc(mapping, qbo, publisher, new CdcSettings(List.of(QboEntity.CUSTOMER, QboEntity.INVOICE, QboEntity.PAYMENT),
                Duration.ofHours(1), Duration.ofSeconds(30)), new MutableClock(qbo.now));
        mapping.byRealm.put("r1", realm);
    }

    @Test
    void shouldPublishEveryChangedObjectWithItsJsonAndMoveTheCursorToResponseTimeMinusOverlap() {
        qbo.put(QboEntity.CUSTOMER, "1", "{\"Id\":\"1\"}", qbo.now.minusSeconds(60));

        poll.poll(realm);

        assertThat(publisher.changes).singleElement().satisfies(change -> {
            assertThat(change.source()).isEqualTo(ChangeSource.CDC);
            assertThat(change.entityJson()).isEqualTo("{\"Id\":\"1\"}");
            assertThat(change.operation()).isEqualTo(ChangeOperation.CREATE);
        });
        assertThat(mapping.cursors.get("r1")).isEqualTo(qbo.now.minusSeconds(30));
    }

    @Test
    void shouldStartFromTheStoredCursorAndNeverBeforeThirtyDays() {
        qbo.put(QboEntity.CUSTOMER, "old", "{}", qbo.now.minus(Duration.ofHours(3)));
        qbo.put(QboEntity.CUSTOMER, "new", "{}", qbo.now.minus(Duration.ofMinutes(10)));
        mapping.saveCdcCursor("r1", qbo.now.minus(Duration.ofHours(1)));

        poll.poll(realm);
        assertThat(publisher.changes).extracting(EntityChange::entityId).containsExactly("new");

        mapping.saveCdcCursor("r1", qbo.now.minus(Duration.ofDays(45)));
        publisher.changes.clear();
        poll.poll(realm);
        assertThat(publisher.changes).extracting(EntityChange::entityId).containsExactly("old", "new");
    }

    @Test
    void shouldNarrowAFullResponseSoNothingIsLost() {
        qbo.cdcLimit = 1000;
        for (int i = 0; i < 1500; i++) {
            qbo.put(QboEntity.CUSTOMER, "c" + i, "{}", qbo.now.minusSeconds(3000 - i));
        }
        qbo.put(QboEntity.INVOICE, "i1", "{}", qbo.now.minusSeconds(10));

        poll.poll(realm);

        assertThat(publisher.changes.stream().map(EntityChange::entityId).distinct().count()).isEqualTo(1501);
        assertThat(qbo.cdcCalls).isGreaterThan(1);
    }
}
