package com.cpsync.console.it;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.serde.AvroSerializer;
import com.cpsync.syncsupport.deadletter.DeadLetters;

import static com.cpsync.console.it.Records.anInvoiceCreated;
import static com.cpsync.console.it.Records.anOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Dead letters through the real broker and PostgreSQL: listed with their reason, replayed once, by OPERATORs only. */
class DeadLetterReplayIT extends ConsoleItBase {

    private static final String REPLAY_OF = "cpsync_replay-of";

    @Test
    void shouldReplayADeadLetterToItsTopicOnceHoweverOftenItIsClicked() {
        CenterpointEvent event = anInvoiceCreated(tenant, "inv-9", "SI-1009", Instant.now());
        ProducerRecord<String, SpecificRecord> deadLetter = DeadLetters.record(Topics.CENTERPOINT_EVENTS, tenant, event,
                "invoice SI-1009 has no company in QBO");
        deadLetter.headers().add("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"
                .getBytes(StandardCharsets.UTF_8));
        publish(deadLetter);
        JsonNode listed = awaitOneDeadLetter();

        assertThat(listed.get("originalTopic").asString()).isEqualTo(Topics.CENTERPOINT_EVENTS);
        assertThat(listed.get("reason").asString()).isEqualTo("invoice SI-1009 has no company in QBO");
        assertThat(listed.get("payloadSummary").asString()).startsWith("CenterpointEvent").contains("SI-1009");
        assertThat(listed.get("replayed").asBoolean()).isFalse();
        long id = listed.get("id").asLong();

        ConsoleApi.Reply first = operator().post("/api/dead-letters/" + id + "/replay");
        ConsoleApi.Reply second = operator().post("/api/dead-letters/" + id + "/replay");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().get("result").asString()).isEqualTo("REPLAYED");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("result").asString()).isEqualTo("ALREADY_REPLAYED");
        String marker = "marker-" + tenant;
        publishBytes(Topics.CENTERPOINT_EVENTS, marker, new byte[] {0});
        List<ConsumerRecord<String, byte[]>> replays = TopicReading.readUntil(brokers, Topics.CENTERPOINT_EVENTS,
                record -> marker.equals(record.key()), WAIT).stream()
                .filter(record -> tenant.equals(record.key()) && record.headers().lastHeader(REPLAY_OF) != null).toList();
        assertThat(replays).as("one replay whatever the clicks").hasSize(1);
        ConsumerRecord<String, byte[]> replay = replays.get(0);
        assertThat(replay.value()).isEqualTo(new AvroSerializer().serialize(Topics.CENTERPOINT_EVENTS, event));
        assertThat(text(replay.headers().lastHeader("traceparent"))).startsWith("00-4bf92f35");
        assertThat(replay.headers().lastHeader("kafka_dlt-original-topic")).isNull();
        assertThat(text(replay.headers().lastHeader(REPLAY_OF))).startsWith(EVENTS_DLT + "/0/");
        JsonNode after = awaitOneDeadLetter();
        assertThat(after.get("replayed").asBoolean()).isTrue();
        assertThat(after.get("replayedBy").asString()).isEqualTo("ops");
        assertThat(operator().ok("/api/audit")).filteredOn(entry -> entry.get("target").asString()
                .equals("dead-letter " + id)).extracting(entry -> entry.get("result").asString())
                .containsExactly("ALREADY_REPLAYED", "REPLAYED");
    }

    @Test
    void shouldReplayAllOfATenantsDeadLettersInOneRequest() {
        publish(DeadLetters.record(Topics.CENTERPOINT_EVENTS, tenant,
                anInvoiceCreated(tenant, "inv-11", "SI-1011", Instant.now()), "first"));
        publish(DeadLetters.record(Topics.CENTERPOINT_EVENTS, tenant,
                anInvoiceCreated(tenant, "inv-12", "SI-1012", Instant.now()), "second"));
        String path = "/api/dead-letters?tenant=" + tenant;
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok(path)).hasSize(2));

        ConsoleApi.Reply all = operator().post("/api/dead-letters/replay?tenant=" + tenant);
        ConsoleApi.Reply again = operator().post("/api/dead-letters/replay?tenant=" + tenant);

        assertThat(all.status()).isEqualTo(200);
        assertThat(all.body()).extracting(answer -> answer.get("result").asString())
                .containsExactly("REPLAYED", "REPLAYED");
        assertThat(again.body()).as("nothing left to replay").isEmpty();
        assertThat(operator().ok(path)).allSatisfy(letter -> assertThat(letter.get("replayed").asBoolean()).isTrue());
    }

    @Test
    void shouldRefuseAViewersReplayAndChangeNothing() {
        publish(DeadLetters.record(Topics.CENTERPOINT_EVENTS, tenant,
                anInvoiceCreated(tenant, "inv-3", "SI-1003", Instant.now()), "bad invoice"));
        long id = awaitOneDeadLetter().get("id").asLong();

        ConsoleApi.Reply refused = viewer().post("/api/dead-letters/" + id + "/replay");

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body().get("error").asString()).isEqualTo("forbidden");
        assertThat(awaitOneDeadLetter().get("replayed").asBoolean()).isFalse();
        assertThat(operator().ok("/api/audit")).noneMatch(entry -> entry.get("target").asString()
                .equals("dead-letter " + id));
    }

    @Test
    void shouldAnswer404ForAnUnknownDeadLetter() {
        ConsoleApi.Reply reply = operator().post("/api/dead-letters/987654321/replay");

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.body().get("message").asString()).contains("987654321");
    }

    @Test
    void shouldDeadLetterAnUnreadableOutcomeAndListItUnderItsTenant() {
        publishBytes(Topics.SYNC_OUTCOMES, tenant, "not avro".getBytes(StandardCharsets.UTF_8));

        JsonNode listed = awaitOneDeadLetter();

        assertThat(listed.get("topic").asString()).isEqualTo(OUTCOMES_DLT);
        assertThat(listed.get("originalTopic").asString()).isEqualTo(Topics.SYNC_OUTCOMES);
        assertThat(listed.get("reason").asString()).contains("Not an Avro single-object encoded record");
    }

    @Test
    void shouldListADeadQboChangeUnderTheTenantOfItsRealm() {
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-1", "58",
                SyncResult.SYNCED, null, Instant.now()));
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok("/api/tenants/" + tenant + "/outcomes"))
                .hasSize(1));
        publishBytes(CHANGES_DLT, "realm-" + tenant, "unreadable change".getBytes(StandardCharsets.UTF_8));

        JsonNode listed = awaitOneDeadLetter();

        assertThat(listed.get("realmId").asString()).isEqualTo("realm-" + tenant);
        assertThat(listed.get("originalTopic").asString()).isEqualTo(Topics.QBO_CHANGES);
        assertThat(listed.get("reason").asString()).contains("no reason given");
    }

    private JsonNode awaitOneDeadLetter() {
        String path = "/api/dead-letters?tenant=" + tenant;
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok(path)).hasSize(1));
        return operator().ok(path).get(0);
    }

    private static String text(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
