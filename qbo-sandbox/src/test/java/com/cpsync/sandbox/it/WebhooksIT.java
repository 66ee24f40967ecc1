package com.cpsync.sandbox.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.cpsync.sandbox.domain.webhook.WebhookSigner;
import com.cpsync.sandbox.engine.Json;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Signed webhooks as Intuit sends them, and as it fails to: duplicated, out of order, dropped. */
class WebhooksIT extends SandboxCalls {

    @AfterEach
    void stopWebhooks() {
        admin(HttpMethod.PUT, "/admin/webhooks",
                "{\"enabled\":false,\"format\":\"CLOUDEVENTS\",\"duplicates\":1,\"shuffle\":false,\"dropRate\":0,\"seed\":null}");
    }

    private JsonNode webhooks(String json) {
        Reply r = admin(HttpMethod.PUT, "/admin/webhooks", json);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body();
    }

    private long stat(String name) {
        return admin(HttpMethod.GET, "/admin/webhooks", null).body().get("stats").get(name).asLong();
    }

    private String target(String faults) {
        return "{\"targetUrl\":\"" + sandbox.webhooks.url() + "\",\"verifierToken\":\"vt-2\",\"enabled\":true" + faults + "}";
    }

    @Test
    void shouldDeliverSignedWebhooksInBothFormatsAndRedeliverAfterAFailure() {
        String target = sandbox.webhooks.url();
        admin(HttpMethod.PUT, "/admin/webhooks", "{\"targetUrl\":\"" + target + "\",\"verifierToken\":\"vt-1\",\"format\":\"CLOUDEVENTS\",\"enabled\":true}");
        String id = customer("Hooked").get("Id").asString();

        WebhookReceiver.Delivery ce = awaitDelivery("\"intuitentityid\":\"" + id + "\"");
        assertThat(ce.contentType()).isEqualTo("application/cloudevents+json");
        assertThat(ce.signature()).isEqualTo(WebhookSigner.sign("vt-1", ce.body().getBytes(StandardCharsets.UTF_8)));
        assertThat(ce.body()).contains("\"type\":\"qbo.customer.created.v1\"", "\"intuitaccountid\":\"" + realmId + "\"",
                "\"specversion\":\"1.0\"");

        admin(HttpMethod.PUT, "/admin/webhooks", "{\"format\":\"LEGACY\"}");
        sandbox.webhooks.failuresToAnswer.set(2);
        int before = sandbox.webhooks.attempts.get();
        post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Notes\":\"n\"}");

        WebhookReceiver.Delivery legacy = awaitDelivery("\"operation\":\"Update\"");
        assertThat(sandbox.webhooks.attempts.get() - before).isGreaterThanOrEqualTo(3);
        assertThat(legacy.signature()).isEqualTo(WebhookSigner.sign("vt-1", legacy.body().getBytes(StandardCharsets.UTF_8)));
        JsonNode n = Json.MAPPER.readTree(legacy.body()).get("eventNotifications").get(0);
        assertThat(n.get("realmId").asString()).isEqualTo(realmId);
        assertThat(n.get("dataChangeEvent").get("entities").get(0).get("name").asString()).isEqualTo("Customer");

        admin(HttpMethod.PUT, "/admin/webhooks", "{\"format\":\"CLOUDEVENTS\"}");
        String loser = customer("Merged Away").get("Id").asString();
        admin(HttpMethod.POST, "/admin/realms/" + realmId + "/customers/merge", "{\"fromId\":\"" + loser + "\",\"toId\":\"" + id + "\"}");
        WebhookReceiver.Delivery merge = awaitDelivery("qbo.customer.merged.v1");
        assertThat(merge.body()).contains("\"deletedId\":\"" + loser + "\"");

        JsonNode inv = invoice(id, "W-1", "12");
        post("/invoice?operation=void", "{\"Id\":\"" + inv.get("Id").asString() + "\",\"SyncToken\":\"0\"}");
        awaitDelivery("qbo.invoice.void.v1");
    }

    @Test
    void shouldSendTheWebhookOfAChangeMadeInQbosScreensWithoutMeteringIt() {
        admin(HttpMethod.PUT, "/admin/webhooks", target(""));
        long requestsBefore = stats().get("requests").asLong();

        Reply made = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/entities/customer",
                "{\"DisplayName\":\"Made On Screen\"}");
        String id = made.body().get("Customer").get("Id").asString();
        Reply changed = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/entities/customer",
                "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Notes\":\"on screen\"}");

        assertThat(changed.body().get("Customer").get("SyncToken").asString()).isEqualTo("1");
        awaitDelivery("\"intuitentityid\":\"" + id + "\"");
        assertThat(stats().get("requests").asLong()).isEqualTo(requestsBefore);
    }

    @Test
    void shouldRefuseDeliveryFaultsOutOfRangeAndKeepTheOldOnes() {
        Reply refused = admin(HttpMethod.PUT, "/admin/webhooks", "{\"dropRate\":2,\"duplicates\":2}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("dropRate");
        JsonNode kept = admin(HttpMethod.GET, "/admin/webhooks", null).body();
        assertThat(kept.get("dropRate").asDouble()).isZero();
        assertThat(kept.get("duplicates").asInt()).isEqualTo(1);
    }

    @Test
    void shouldSendEachPostAsOftenAsDuplicatesSays() {
        JsonNode settings = webhooks(target(",\"duplicates\":3"));
        assertThat(settings.get("duplicates").asInt()).isEqualTo(3);
        long sentBefore = stat("sent");
        long deliveredBefore = stat("delivered");
        String id = customer("Thrice Told").get("Id").asString();

        await().atMost(Duration.ofSeconds(10)).until(() -> stat("delivered") - deliveredBefore == 3);

        List<WebhookReceiver.Delivery> copies = sandbox.webhooks.containing(realmId, "\"intuitentityid\":\"" + id + "\"");
        assertThat(copies).hasSize(3);
        assertThat(copies).extracting(WebhookReceiver.Delivery::body).containsOnly(copies.get(0).body());
        assertThat(stat("sent") - sentBefore).isEqualTo(3);
    }

    @Test
    void shouldNeverSendADroppedPost() {
        webhooks(target(",\"dropRate\":1.0"));
        long droppedBefore = stat("dropped");

        customer("Never Told");

        await().atMost(Duration.ofSeconds(10)).until(() -> stat("dropped") - droppedBefore == 1);
        assertThat(sandbox.webhooks.containing(realmId)).isEmpty();
    }

    @Test
    void shouldLetALaterPostOvertakeAHeldOneAndLoseNone() {
        // seed 5 holds the first POST back and sends the second: DeliveryPlannerTest shows the planner's side
        webhooks(target(",\"shuffle\":true,\"seed\":5"));
        List<String> created = new ArrayList<>();
        for (int i = 1; i <= 4; i++) {
            long posts = stat("posts");
            created.add(customer("Shuffled " + i).get("Id").asString());
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(10)).until(() -> stat("posts") > posts);
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.webhooks.containing(realmId).size() == created.size());
        List<String> arrived = sandbox.webhooks.containing(realmId).stream()
                .map(d -> Json.MAPPER.readTree(d.body()).get(0).get("intuitentityid").asString()).toList();

        assertThat(arrived).containsExactlyInAnyOrderElementsOf(created);
        assertThat(arrived).isNotEqualTo(created);
    }

    WebhookReceiver.Delivery awaitDelivery(String fragment) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> sandbox.webhooks.deliveries.stream().filter(d -> d.body().contains(fragment) && d.body().contains(realmId)).findFirst(),
                Optional::isPresent).get();
    }
}
