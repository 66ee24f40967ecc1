package com.cpsync.console.it;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.console.it.Records.anOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Lag as the broker has it: each group's committed offset against each partition's end. */
class ConsumerLagIT extends ConsoleItBase {

    @Test
    void shouldShowCommittedAndEndOffsetsOfEveryGroupAndPartition() throws Exception {
        String topic = "lag-it-" + tenant;
        String group = "lag-it-group-" + tenant;
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
            for (int i = 0; i < 3; i++) {
                publishBytes(topic, tenant, new byte[] {(byte) i});
            }
            admin.alterConsumerGroupOffsets(group, Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(1)))
                    .all().get();
        }

        JsonNode row = rowOf(viewer().ok("/api/lag"), group, topic);

        assertThat(row.get("partition").asInt()).isZero();
        assertThat(row.get("committedOffset").asLong()).isEqualTo(1);
        assertThat(row.get("endOffset").asLong()).isEqualTo(3);
        assertThat(row.get("lag").asLong()).isEqualTo(2);
    }

    @Test
    void shouldShowTheConsolesOwnGroupCaughtUpOnceItIndexedEverything() {
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-1", "58",
                SyncResult.SYNCED, null, Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode row = rowOf(operator().ok("/api/lag"), "ops-console.outcomes", Topics.SYNC_OUTCOMES);
            assertThat(row.get("endOffset").asLong()).isPositive();
            assertThat(row.get("lag").asLong()).isZero();
            assertThat(row.get("committedOffset").asLong()).isEqualTo(row.get("endOffset").asLong());
        });
    }

    private static JsonNode rowOf(JsonNode lag, String group, String topic) {
        for (JsonNode row : lag) {
            if (row.get("group").asString().equals(group) && row.get("topic").asString().equals(topic)) {
                return row;
            }
        }
        throw new AssertionError("no lag row for group " + group + " on " + topic + " in " + lag);
    }
}
