package com.cpsync.console.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.cpsync.console.application.PurgeExpired;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.console.it.Records.anInvoiceCreated;
import static com.cpsync.console.it.Records.anOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The outcome index through the real broker and PostgreSQL: search, idempotent redelivery, retention. */
class OutcomeIndexIT extends ConsoleItBase {

    private static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    @Autowired
    PurgeExpired purgeExpired;

    @Test
    void shouldShowEveryDecisionAboutAnInvoiceFoundByItsNumberInOrder() {
        publish(Topics.CENTERPOINT_EVENTS, tenant, anInvoiceCreated(tenant, "inv-1", "SI-1001", T0));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.SERVICE_INVOICE, "inv-1", null,
                SyncResult.WAITING_FOR_CONNECTION, "tenant not connected", T0.plusSeconds(1)));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-1", "58",
                SyncResult.SYNCED, null, T0.plusSeconds(2)));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.SERVICE_INVOICE, "inv-1", null,
                SyncResult.FAILED, "QBO refused: 6000 business validation", T0.plusSeconds(3)));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.SERVICE_INVOICE, "inv-1", "130",
                SyncResult.SYNCED, null, T0.plusSeconds(4)));

        String path = "/api/tenants/" + tenant + "/outcomes?q=si-1001";
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok(path)).hasSize(3));

        JsonNode trail = viewer().ok(path);
        assertThat(results(trail)).containsExactly("WAITING_FOR_CONNECTION", "FAILED", "SYNCED");
        assertThat(trail.get(1).get("reason").asString()).isEqualTo("QBO refused: 6000 business validation");
        assertThat(trail.get(0).get("label").asString()).isEqualTo("SI-1001");
        assertThat(results(operator().ok("/api/tenants/" + tenant + "/outcomes?q=130"))).containsExactly("SYNCED");
        assertThat(results(operator().ok("/api/tenants/" + tenant + "/outcomes?entity=COMPANY"))).containsExactly("SYNCED");
        assertThat(results(operator().ok("/api/tenants/" + tenant + "/outcomes?result=failed"))).containsExactly("FAILED");
        assertThat(results(operator().ok("/api/tenants/" + tenant + "/outcomes?from=" + T0.plusSeconds(2)
                + "&to=" + T0.plusSeconds(4)))).containsExactly("SYNCED", "FAILED");
    }

    @Test
    void shouldListTheTenantWithItsLastOutcome() {
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-1", "58",
                SyncResult.CONFLICT, "QBO Vendor 12 'Acme' already uses the name", Instant.now()));

        await().atMost(WAIT).untilAsserted(() -> assertThat(tenantRow()).isNotNull());

        JsonNode row = tenantRow();
        assertThat(row.get("realmId").asString()).isEqualTo("realm-" + tenant);
        assertThat(row.get("lastResult").asString()).isEqualTo("CONFLICT");
        assertThat(row.get("lastDayByResult").get("CONFLICT").asLong()).isEqualTo(1);
        // no mapping-service answers in these ITs: the connection is unknown, and says why, the rest is there
        assertThat(row.get("connection").get("status").asString()).isEqualTo("UNKNOWN");
        assertThat(row.get("connection").get("detail").asString()).startsWith("mapping-service did not answer");
    }

    @Test
    void shouldListTheRecordsStillHeldAsAConflict() {
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-held", null,
                SyncResult.CONFLICT, "QBO Vendor 12 'Acme' already uses the name", T0));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-settled", null,
                SyncResult.CONFLICT, "QBO Employee 3 'Bob' already uses the name", T0.plusSeconds(1)));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-settled", "77",
                SyncResult.SYNCED, null, T0.plusSeconds(2)));
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok("/api/tenants/" + tenant + "/outcomes"))
                .hasSize(3));

        JsonNode held = viewer().ok("/api/tenants/" + tenant + "/conflicts");

        assertThat(held).extracting(node -> node.get("centerpointId").asString()).containsExactly("co-held");
        assertThat(held.get(0).get("reason").asString()).isEqualTo("QBO Vendor 12 'Acme' already uses the name");
        assertThat(operator().get("/api/tenants/nobody-" + tenant + "/conflicts").status()).isEqualTo(404);
    }

    @Test
    void shouldStoreARedeliveredOutcomeOnce() throws Exception {
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-1", "58",
                SyncResult.SYNCED, null, T0));
        String path = "/api/tenants/" + tenant + "/outcomes";
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok(path)).hasSize(1));

        redeliverEverythingFromTheStart("ops-console.outcomes", Topics.SYNC_OUTCOMES);
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-2", "59",
                SyncResult.SYNCED, null, T0.plusSeconds(1)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok(path)).hasSize(2));
        assertThat(operator().ok(path)).extracting(node -> node.get("centerpointId").asString())
                .containsExactly("co-1", "co-2");
    }

    @Test
    void shouldDeleteOutcomesOlderThanTheRetention() {
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-old", "1",
                SyncResult.SYNCED, null, Instant.now().minus(Duration.ofDays(91))));
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-new", "2",
                SyncResult.SYNCED, null, Instant.now().minus(Duration.ofDays(89))));
        String path = "/api/tenants/" + tenant + "/outcomes";
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok(path)).hasSize(2));

        PurgeExpired.Purged purged = purgeExpired.purge();

        assertThat(purged.outcomes()).isGreaterThanOrEqualTo(1);
        assertThat(operator().ok(path)).extracting(node -> node.get("centerpointId").asString())
                .containsExactly("co-new");
    }

    @Test
    void shouldAnswerClearlyForAnUnknownTenantABadFilterAndNoLogin() {
        ConsoleApi.Reply unknown = operator().get("/api/tenants/nobody-" + tenant + "/outcomes");
        ConsoleApi.Reply badFilter = operator().get("/api/tenants/" + tenant + "/outcomes?result=LOST");
        ConsoleApi.Reply anonymous = ConsoleApi.anonymous(port).get("/api/tenants");
        ConsoleApi.Reply wrongPassword = ConsoleApi.as(port, "ops", "guess").get("/api/tenants");

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().get("message").asString()).contains("nobody-" + tenant);
        assertThat(badFilter.status()).isEqualTo(400);
        assertThat(badFilter.body().get("message").asString()).contains("result must be one of");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(
                value -> assertThat(value).startsWith("Basic"));
        assertThat(wrongPassword.status()).isEqualTo(401);
    }

    private JsonNode tenantRow() {
        for (JsonNode row : operator().ok("/api/tenants")) {
            if (row.get("tenantId").asString().equals(tenant)) {
                return row;
            }
        }
        return null;
    }

    private static List<String> results(JsonNode trail) {
        List<String> results = new ArrayList<>();
        trail.forEach(node -> results.add(node.get("result").asString()));
        return results;
    }

    /** Stops the group's container, moves its committed offset back to 0, and starts it again. */
    private void redeliverEverythingFromTheStart(String group, String topic) throws Exception {
        MessageListenerContainer container = listeners.getListenerContainer(group);
        container.stop();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, brokers))) {
            await().atMost(WAIT).ignoreExceptions().untilAsserted(() -> admin.alterConsumerGroupOffsets(group,
                    Map.of(new TopicPartition(topic, 0), new OffsetAndMetadata(0))).all().get());
        }
        container.start();
    }
}
