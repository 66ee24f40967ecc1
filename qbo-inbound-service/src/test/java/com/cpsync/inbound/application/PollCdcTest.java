package com.cpsync.inbound.application;

import java.net.ConnectException;
import java.time.Duration;
import java.util.List;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import com.cpsync.inbound.adapter.out.http.QboWaits;
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
    private final MutableClock clock = new MutableClock(qbo.now);
    private final RealmParking parking = new RealmParking(clock, Duration.ofSeconds(5), Duration.ofMinutes(5), 2.0);
    private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
    private PollCdc poll;

    @BeforeEach
    void setUp() {
        poll = new PollCdc(mapping, qbo, publisher, new CdcSettings(List.of(QboEntity.CUSTOMER, QboEntity.INVOICE, QboEntity.PAYMENT),
                Duration.ofHours(1), Duration.ofSeconds(30)), parking, QboWaits::askedFor, clock);
        mapping.byRealm.put("r1", realm);
        logged.start();
        pollLogger().addAppender(logged);
    }

    @AfterEach
    void detachLog() {
        pollLogger().detachAppender(logged);
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

    @Test
    void shouldNotPollAThrottledRealmForQbosSixtySecondsWhileTheOtherRealmsArePolled() {
        mapping.byRealm.put("r2", new Connection("t2", "r2", true));
        qbo.throttled.add("r2");

        assertThat(poll.pollAll()).isEqualTo(2);
        assertThat(qbo.callsOf("r2")).as("a throttle is not retried inline").isEqualTo(1);

        clock.advance(Duration.ofSeconds(59));
        assertThat(poll.pollAll()).isEqualTo(1);
        assertThat(qbo.callsOf("r2")).as("not polled within the wait").isEqualTo(1);
        assertThat(qbo.callsOf("r1")).as("the other realm polled every round").isEqualTo(2);

        qbo.throttled.remove("r2");
        clock.advance(Duration.ofSeconds(1));
        assertThat(poll.pollAll()).isEqualTo(2);
        assertThat(qbo.callsOf("r2")).isEqualTo(2);
        assertThat(mapping.cursors).containsKey("r2");
    }

    @Test
    void shouldSkipTheRoundWithOneClearLineWhileMappingServiceRefusesConnectionsAndPollAtTheNext() {
        mapping.refusingConnections = true;

        assertThat(poll.pollAll()).isZero();

        assertThat(logged.list).singleElement().satisfies(line -> {
            assertThat(line.getLevel()).isEqualTo(Level.WARN);
            assertThat(line.getFormattedMessage()).isEqualTo("CDC poll skipped: the connected realms could not be "
                    + "listed from mapping-service (ConnectException: Connection refused); the next poll tries again");
            assertThat(line.getThrowableProxy()).as("no stack trace").isNull();
        });
        mapping.refusingConnections = false;
        assertThat(poll.pollAll()).isEqualTo(1);
        assertThat(qbo.cdcCalls).isEqualTo(1);
    }

    @Test
    void shouldNameTheInnermostCauseEvenWhenItHasNoMessage() {
        assertThat(PollCdc.rootCause(new IllegalStateException("I/O error: null", new ConnectException())))
                .isEqualTo("ConnectException");
    }

    private static Logger pollLogger() {
        return (Logger) LoggerFactory.getLogger(PollCdc.class);
    }
}
