package com.cpsync.outbound.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.TenantStatus;
import com.cpsync.schemas.avro.TenantWorkState;
import com.cpsync.schemas.serde.AvroDeserializer;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * QBO's 429 carries no Retry-After (facts §11.4; the sandbox's {@code retryAfter:false}): the tenant is
 * parked for QBO's 60 s, not polled, and then syncs. The service's clock is moved, never waited on; the
 * configured {@code throttle-wait} of 2 s is not what applies. The park and the resume are told on
 * {@code cp-outbound.tenant-status.v1}.
 */
class ThrottleIT extends OutboundItBase {

    @Autowired
    private TenantWorkQueues<WorkItem> queues;

    @Test
    void shouldParkAThrottledTenantForSixtySecondsWhenQboSendsNoRetryAfter() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        // match before create asks Customer, Vendor and Employee in one batch: the create, the second call of
        // the minute, is refused
        apps().setFaults(t.realm(), "{\"retryAfter\":false,\"requestsPerMinute\":1}");

        String created = publish(t, new CompanyCreated(company("c1", "Throttled Ltd")));
        await().atMost(WAIT).until(() -> "THROTTLED".equals(queues.parkedTenants().get(t.id())));
        apps().setFaults(t.realm(), "{\"requestsPerMinute\":500}");
        int requestsWhenParked = apps().stats(t.realm()).path("requests").asInt();

        OutboundClock.CLOCK.advance(Duration.ofSeconds(30));
        assertThat(queues.parkedTenants()).as("still parked 30 s on").containsEntry(t.id(), "THROTTLED");
        assertThat(apps().stats(t.realm()).path("requests").asInt()).as("not polled").isEqualTo(requestsWhenParked);
        OutboundClock.CLOCK.advance(Duration.ofSeconds(31));

        assertThat(awaitOutcome(t, created, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(apps().stats(t.realm()).path("byStatus").path("429").asInt()).isEqualTo(1);
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(1);
        assertStatusesParkedThenRunning(t);
    }

    private void assertStatusesParkedThenRunning(Tenant t) {
        List<TenantStatus> statuses = new ArrayList<>();
        try (KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers), new StringDeserializer(),
                new AvroDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.CP_OUTBOUND_TENANT_STATUS).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(WAIT).untilAsserted(() -> {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.key().equals(t.id())) {
                        statuses.add((TenantStatus) r.value());
                    }
                });
                assertThat(statuses).isNotEmpty().last().extracting(TenantStatus::getState)
                        .isEqualTo(TenantWorkState.RUNNING);
            });
        }
        // once QBO's minute is over, the in-JVM limiter may still park the tenant briefly (REALM_BUSY) before it runs
        assertThat(statuses.subList(0, statuses.size() - 1)).extracting(TenantStatus::getState)
                .containsOnly(TenantWorkState.PARKED);
        TenantStatus parked = statuses.get(0);
        assertThat(parked.getReason()).isEqualTo("THROTTLED");
        assertThat(parked.getRealmId()).isEqualTo(t.realm());
        // QBO's 60 s (less the moment between the two readings of the running clock), not the configured 2 s
        assertThat(Duration.between(parked.getChangedAt(), parked.getUntil()))
                .isGreaterThan(Duration.ofSeconds(30)).isLessThanOrEqualTo(Duration.ofSeconds(60));
        assertThat(parked.getInstance()).isNotBlank();
        TenantStatus running = statuses.get(statuses.size() - 1);
        assertThat(running.getReason()).isNull();
        assertThat(running.getUntil()).isNull();
        assertThat(running.getChangedAt()).isAfterOrEqualTo(parked.getUntil());
    }
}
