package com.cpsync.sandbox.engine;

import java.time.Instant;
import java.util.List;

import com.cpsync.sandbox.domain.ChangeEvent;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookPayloadsTest {

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
