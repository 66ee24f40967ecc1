package com.cpsync.sandbox.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    @Test
    void shouldMatchIntuitsPublishedTestVector() {
        String body = "{\"eventNotifications\":[{\"realmId\":\"1185883450\",\"dataChangeEvent\":{\"entities\":[{\"name\":\"Customer\","
                + "\"id\":\"1\",\"operation\":\"Create\",\"lastUpdated\":\"2015-10-05T14:42:19-0700\"}]}}]}";

        assertThat(WebhookSigner.sign("b5771f19b12ddb4bcdb9f08bdc50bc63878a", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("JC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=");
    }

    @Test
    void shouldBuildCloudEventsWithTypeAndMergeData() {
        ChangeEvent merge = new ChangeEvent("123", "Customer", "58", ChangeEvent.Operation.MERGE,
                Instant.parse("2026-11-20T10:00:00Z"), "27");

        var events = Json.MAPPER.readTree(WebhookPayloads.cloudEvents(List.of(merge)));

        assertThat(events.get(0).get("type").asString()).isEqualTo("qbo.customer.merged.v1");
        assertThat(events.get(0).get("intuitaccountid").asString()).isEqualTo("123");
        assertThat(events.get(0).get("intuitentityid").asString()).isEqualTo("58");
        assertThat(events.get(0).get("data").get("deletedId").asString()).isEqualTo("27");
    }

    @Test
    void shouldGroupLegacyNotificationsByRealm() {
        Instant t = Instant.parse("2026-11-20T10:00:00Z");
        var body = Json.MAPPER.readTree(WebhookPayloads.legacy(List.of(
                new ChangeEvent("1", "Customer", "5", ChangeEvent.Operation.CREATE, t, null),
                new ChangeEvent("2", "Invoice", "9", ChangeEvent.Operation.VOID, t, null),
                new ChangeEvent("1", "Customer", "5", ChangeEvent.Operation.UPDATE, t, null))));

        assertThat(body.get("eventNotifications")).hasSize(2);
        assertThat(body.get("eventNotifications").get(0).get("dataChangeEvent").get("entities")).hasSize(2);
        assertThat(body.get("eventNotifications").get(1).get("dataChangeEvent").get("entities").get(0).get("operation").asString())
                .isEqualTo("Void");
    }
}
