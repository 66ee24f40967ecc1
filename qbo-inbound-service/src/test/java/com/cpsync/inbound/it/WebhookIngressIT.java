package com.cpsync.inbound.it;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import com.cpsync.inbound.domain.webhook.WebhookSignature;
import com.cpsync.schemas.avro.QboEntityChange;

import static com.cpsync.inbound.it.QboBodies.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** {@code POST /webhooks/quickbooks}: signature, formats, size and shape checks, one record per entity. */
class WebhookIngressIT extends InboundItBase {

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
                .jsonPath("$.ignored[0]").isEqualTo("event[0]: unknown QBO entity 'spaceship'")
                .jsonPath("$.ignored[1]").isEqualTo("event[1]: unknown operation 'archived'");

        await().atMost(WAIT).untilAsserted(() -> assertThat(changes(c -> c.getRealmId().equals("realm-left-out")))
                .singleElement().satisfies(c -> assertThat(c.getEntityName()).isEqualTo("Vendor")));
    }

    private static String signatureOf(String body) {
        return new WebhookSignature(TOKEN).signatureOf(bytes(body));
    }
}
