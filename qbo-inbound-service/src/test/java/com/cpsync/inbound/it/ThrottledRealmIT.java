package com.cpsync.inbound.it;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.inbound.adapter.in.CdcPollScheduler;
import com.cpsync.inbound.adapter.out.kafka.ChangeAvroMapper;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QBO throttles a realm as it really does (a 429 without {@code Retry-After}): the realm waits QBO's 60 s,
 * parked on this service's clock, neither polled by CDC nor read for its changes, while another realm flows.
 * This service's clock stands still meanwhile and the 60 s pass by advancing it, never by waiting for them.
 */
class ThrottledRealmIT extends InboundItBase {

    private static final String THROTTLED = "r-throttled";
    private static final String FLOWING = "r-throttle-free";

    @Autowired
    CdcPollScheduler scheduler;

    @Autowired
    SwitchableClock clock;

    @Autowired
    MeterRegistry meters;

    @Test
    void shouldParkAThrottledRealmForQbosSixtySecondsWithoutPollingOrReadingItWhileAnotherRealmFlows()
            throws Exception {
        connect("t-throttled", THROTTLED, settings("t-throttled").setGetNewCompaniesFromQbo(true));
        connect("t-throttle-free", FLOWING, settings("t-throttle-free").setGetNewCompaniesFromQbo(true));
        // the customer reaches this service only once the realm's wait is over: no webhook, no poll before
        scheduler.stop();
        stack.webhooks(webhookUrl(), TOKEN, false);
        try {
            String waiting = stack.create(THROTTLED, "Customer", "{\"DisplayName\":\"Patient Tiling\"}")
                    .path("Id").asString();
            // that create was the realm's one call of this minute: every next call is a 429 without Retry-After
            stack.throttle(THROTTLED);
            MutableClock serviceTime = clock.pinNow();
            stack.webhooks(webhookUrl(), TOKEN, true);
            scheduler.start();

            await().atMost(WAIT).untilAsserted(() -> assertThat(throttles()).isEqualTo(1));
            long callsWhenThrottled = calls(THROTTLED);
            // a webhook's change of the realm needs a read: it goes to the retry topic without one
            double retriedBefore = retried();
            Instant now = Instant.now();
            producer.send(new ProducerRecord<>(Topics.QBO_CHANGES, THROTTLED, ChangeAvroMapper.toAvro(new EntityChange(
                    UUID.randomUUID().toString(), THROTTLED, QboEntity.CUSTOMER, waiting, ChangeOperation.CREATE, now,
                    null, ChangeSource.WEBHOOK, now, null)))).get();
            await().atMost(WAIT).untilAsserted(() -> assertThat(retried()).isGreaterThan(retriedBefore));

            // meanwhile the other realm's change is synced and the poller keeps polling it
            String flowing = stack.create(FLOWING, "Customer", "{\"DisplayName\":\"Busy Plumbing\"}").path("Id").asString();
            await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-throttle-free", "Customer", flowing))
                    .hasSize(1));
            awaitTwoMorePollsOf(FLOWING);
            assertThat(calls(THROTTLED)).as("the throttled realm is not called again").isEqualTo(callsWhenThrottled);

            serviceTime.advance(Duration.ofSeconds(59));
            awaitTwoMorePollsOf(FLOWING);
            assertThat(calls(THROTTLED)).as("not within QBO's 60 s either").isEqualTo(callsWhenThrottled);
            assertThat(commandsFor("t-throttled", "Customer", waiting)).isEmpty();

            stack.liftLimits(THROTTLED);
            serviceTime.advance(Duration.ofSeconds(1));
            await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-throttled", "Customer", waiting)).hasSize(1));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() -> {
                assertThat(commandsFor("t-throttled", "Customer", waiting)).hasSize(1);
                assertThat(outcomes("t-throttled", waiting)).singleElement()
                        .satisfies(o -> assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED));
            });
            assertThat(throttles()).as("no call met the throttle again").isEqualTo(1);
        }
        finally {
            clock.backToRealTime();
            stack.liftLimits(THROTTLED);
            stack.webhooks(webhookUrl(), TOKEN, true);
            if (!scheduler.isRunning()) {
                scheduler.start();
            }
        }
    }

    /** Each poll round calls every realm that is not parked once, so two calls of this one mean two rounds. */
    private void awaitTwoMorePollsOf(String realmId) {
        long before = calls(realmId);
        await().atMost(WAIT).untilAsserted(() -> assertThat(calls(realmId)).isGreaterThanOrEqualTo(before + 2));
    }

    private static long calls(String realmId) {
        return stack.stats(realmId).path("requests").asLong();
    }

    private static long throttles() {
        return stack.stats(THROTTLED).path("byStatus").path("429").asLong();
    }

    private double retried() {
        Counter counter = meters.find("qbo_changes_retried_total").counter();
        return counter == null ? 0 : counter.count();
    }
}
