package com.cpsync.inbound.it;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

import com.cpsync.inbound.domain.webhook.WebhookSignature;
import com.cpsync.schemas.avro.QboEntityChange;

import static com.cpsync.inbound.it.QboBodies.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code POST /webhooks/quickbooks}: signature, formats, size and shape checks, one record per entity; every
 * valid event of a POST published, each bad one rejected and counted, never a 5xx for an event.
 */
class WebhookIngressIT extends InboundItBase {

    @Autowired
    MeterRegistry meters;

    /** Intuit's published test vector: this body signed with {@link #TOKEN}. */
    private static final String VECTOR = "{\"eventNotifications\":[{\"realmId\":\"1185883450\",\"dataChangeEvent\":"
            + "{\"entities\":[{\"name\":\"Customer\",\"id\":\"1\",\"operation\":\"Create\","
            + "\"lastUpdated\":\"2015-10-05T14:42:19-0700\"}]}}]}";
    private static final String VECTOR_SIGNATURE = "JC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=";

    @Test
    void shouldAcceptOnlyCorrectlySignedWebhooksAndPublishOneRecordPerEntity() {
        String forged = VECTOR.replace("1185883450", "realm-forged");

        post(forged, VECTOR_SIGNATURE).expectStatus().isUnauthorized();
        post(forged, null).expectStatus().isUnauthorized();
        post(VECTOR, VECTOR_SIGNATURE).expectStatus().isOk().expectBody().jsonPath("$.accepted").isEqualTo(1);
        String two = "[" + cloudEvent("ce-1", "realm-ce", "customer", "created", "7") + ","
                + cloudEvent("ce-2", "realm-ce", "invoice", "voided", "8") + "]";
        http.post().uri("/webhooks/quickbooks").contentType(MediaType.parseMediaType("application/cloudevents+json"))
                .header("intuit-signature", signatureOf(two)).bodyValue(bytes(two)).exchange().expectStatus().isOk();

        await().atMost(WAIT).untilAsserted(() -> assertThat(changes(c -> c.getRealmId().equals("realm-ce"))).hasSize(2));
        assertThat(changes(c -> c.getRealmId().equals("1185883450"))).singleElement()
                .satisfies(c -> assertThat(c.getEntityName()).isEqualTo("Customer"));
        assertThat(changes(c -> c.getRealmId().equals("realm-forged"))).isEmpty();
        // a realm no tenant connected is dead-lettered with the reason, never silently dropped
        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.values(CHANGES_DLT, QboEntityChange.class))
                .anySatisfy(c -> assertThat(c.getRealmId()).isEqualTo("realm-ce")));
    }

    @Test
    void shouldRefuseAnOversizedBodyAndAMalformedOneWithAMessage() {
        byte[] huge = new byte[1024 * 1024 + 1];
        http.post().uri("/webhooks/quickbooks").contentType(MediaType.APPLICATION_JSON)
                .header("intuit-signature", new WebhookSignature(TOKEN).signatureOf(huge)).bodyValue(huge)
                .exchange().expectStatus().isEqualTo(413);

        post("{\"nope\":true}", signatureOf("{\"nope\":true}"))
                .expectStatus().isBadRequest().expectBody().jsonPath("$.message").isNotEmpty();
    }

    @Test
    void shouldAnswerWhichEventsWereLeftOutAndPublishTheOthers() {
        String body = "[" + cloudEvent("ce-x", "realm-left-out", "spaceship", "created", "1") + ","
                + cloudEvent("ce-y", "realm-left-out", "customer", "archived", "2") + ","
                + cloudEvent("ce-z", "realm-left-out", "vendor", "created", "3") + "]";

        post(body, signatureOf(body)).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rejected[0].at").isEqualTo("event[0]")
                .jsonPath("$.rejected[0].reason").isEqualTo("unknown_entity")
                .jsonPath("$.rejected[0].detail").isEqualTo("no QBO entity 'spaceship'")
                .jsonPath("$.rejected[1].at").isEqualTo("event[1]")
                .jsonPath("$.rejected[1].reason").isEqualTo("unknown_operation");

        await().atMost(WAIT).untilAsserted(() -> assertThat(changes(c -> c.getRealmId().equals("realm-left-out")))
                .singleElement().satisfies(c -> assertThat(c.getEntityName()).isEqualTo("Vendor")));
    }

    @Test
    void shouldPublishExactlyTheGoodEventsOfAMixedCloudEventsPostAnswer200AndCountEachRejectedOne() {
        String body = "[" + cloudEvent("mix-1", "realm-mixed", "customer", "created", "1") + ","
                + cloudEvent("mix-2", "realm-mixed", "", "created", "2") + ","
                + "{\"id\":\"mix-3\",\"intuitaccountid\":\"realm-mixed\"},"
                + cloudEvent("mix-4", "realm-mixed", "spaceship", "created", "4") + ","
                + cloudEvent("mix-5", "realm mixed", "customer", "updated", "5") + ","
                + cloudEvent("mix-6", "realm-mixed", "customer", "updated", "") + ","
                + cloudEvent("mix-7", "realm-mixed", "invoice", "updated", "7") + "]";
        Map<String, Double> before = rejectedByReason();

        post(body, signatureOf(body)).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(2)
                .jsonPath("$.rejected.length()").isEqualTo(5)
                .jsonPath("$.rejected[*].at").isEqualTo(List.of("event[1]", "event[2]", "event[3]", "event[4]", "event[5]"));

        awaitEverythingPostedSoFar();
        assertThat(changes(c -> c.getRealmId().equals("realm-mixed") || c.getRealmId().equals("realm mixed")))
                .extracting(QboEntityChange::getChangeId).containsExactlyInAnyOrder("mix-1", "mix-7");
        assertThat(increase(before)).isEqualTo(Map.of("malformed_event", 2.0, "unknown_entity", 1.0,
                "invalid_realm", 1.0, "invalid_id", 1.0));
    }

    @Test
    void shouldPublishExactlyTheGoodEntitiesOfAMixedLegacyPostAndCountEachRejectedOne() {
        String body = "{\"eventNotifications\":[{\"realmId\":\"realm-legacy-mixed\",\"dataChangeEvent\":{\"entities\":["
                + "{\"name\":\"Customer\",\"id\":\"1\",\"operation\":\"Create\",\"lastUpdated\":\"2026-11-26T09:00:00Z\"},"
                + "{\"name\":\"\",\"id\":\"2\",\"operation\":\"Create\",\"lastUpdated\":\"2026-11-26T09:00:00Z\"},"
                + "{\"name\":\"Customer\",\"id\":\"3\",\"operation\":\"Create\",\"lastUpdated\":\"soon\"}]}},"
                + "{\"dataChangeEvent\":{\"entities\":[{\"name\":\"Customer\",\"id\":\"4\",\"operation\":\"Create\","
                + "\"lastUpdated\":\"2026-11-26T09:00:00Z\"}]}}]}";
        Map<String, Double> before = rejectedByReason();

        post(body, signatureOf(body)).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(1)
                .jsonPath("$.rejected.length()").isEqualTo(3);

        awaitEverythingPostedSoFar();
        assertThat(changes(c -> c.getRealmId().equals("realm-legacy-mixed")))
                .extracting(QboEntityChange::getEntityId).containsExactly("1");
        assertThat(increase(before)).isEqualTo(Map.of("malformed_event", 1.0, "invalid_time", 1.0,
                "invalid_realm", 1.0));
    }

    @Test
    void shouldAnswer200NeverA5xxForAnEventWhoseTypeHasAnEmptyEntityNameAndCountIt() {
        String body = "[" + cloudEvent("empty-entity", "realm-empty-entity", "", "created", "1") + "]";
        Map<String, Double> before = rejectedByReason();

        post(body, signatureOf(body)).expectStatus().isOk().expectBody()
                .jsonPath("$.accepted").isEqualTo(0)
                .jsonPath("$.rejected[0].reason").isEqualTo("malformed_event")
                .jsonPath("$.rejected[0].detail").isEqualTo("type 'qbo..created.v1' is not qbo.<entity>.<operation>.v1");

        assertThat(increase(before)).isEqualTo(Map.of("malformed_event", 1.0));
        awaitEverythingPostedSoFar();
        assertThat(changes(c -> c.getRealmId().equals("realm-empty-entity"))).isEmpty();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(prometheus -> assertThat(prometheus).contains("qbo_webhook_events_rejected_total{")
                        .contains("reason=\"malformed_event\"").contains("reason=\"invalid_time\""));
    }

    @Test
    void shouldRefuseAMixedPostWithABadSignatureWholeAndNeitherPublishNorCountAnyOfIt() {
        String body = "[" + cloudEvent("unsigned-1", "realm-unsigned", "customer", "created", "1") + ","
                + cloudEvent("unsigned-2", "realm-unsigned", "", "created", "2") + "]";
        Map<String, Double> before = rejectedByReason();

        post(body, signatureOf(body.replace("unsigned-1", "unsigned-0"))).expectStatus().isUnauthorized();

        awaitEverythingPostedSoFar();
        assertThat(changes(c -> c.getRealmId().equals("realm-unsigned"))).isEmpty();
        assertThat(increase(before)).isEmpty();
    }

    /**
     * Posts a signed event of its own and waits for it: whatever an earlier POST published is on the topic by
     * then (one partition, and each POST is answered only after its records were acknowledged).
     */
    private void awaitEverythingPostedSoFar() {
        String id = "marker-" + UUID.randomUUID();
        String marker = "[" + cloudEvent(id, "realm-marker", "customer", "updated", "1") + "]";
        post(marker, signatureOf(marker)).expectStatus().isOk();
        await().atMost(WAIT).untilAsserted(() -> assertThat(changes(c -> c.getChangeId().equals(id))).hasSize(1));
    }

    private Map<String, Double> rejectedByReason() {
        Map<String, Double> counts = new TreeMap<>();
        meters.find("qbo_webhook_events_rejected").counters()
                .forEach(counter -> counts.put(counter.getId().getTag("reason"), counter.count()));
        return counts;
    }

    /** The reasons whose count went up since {@code before}, by how much. */
    private Map<String, Double> increase(Map<String, Double> before) {
        Map<String, Double> increase = new TreeMap<>();
        rejectedByReason().forEach((reason, count) -> {
            double by = count - before.getOrDefault(reason, 0.0);
            if (by != 0) {
                increase.put(reason, by);
            }
        });
        return increase;
    }

    private static String signatureOf(String body) {
        return new WebhookSignature(TOKEN).signatureOf(bytes(body));
    }
}
