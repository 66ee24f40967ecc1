package com.cpsync.inbound.it;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import com.cpsync.inbound.domain.webhook.WebhookSignature;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.QboEntityChange;

import static com.cpsync.inbound.it.QboBodies.cloudEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The webhook request's trace travels on with the change it published (traceparent header of the record). */
class WebhookTraceIT extends InboundItBase {

    @Test
    void shouldPublishTheChangeInTheTraceOfTheWebhookRequest() {
        String traceId = "0af7651916cd43dd8448eb211c80319c";
        String body = "[" + cloudEvent("trace-1", "realm-traced", "customer", "created", "1") + "]";

        http.post().uri("/webhooks/quickbooks").contentType(MediaType.APPLICATION_JSON)
                .header("intuit-signature", new WebhookSignature(TOKEN).signatureOf(bytes(body)))
                .header("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
                .bodyValue(bytes(body)).exchange().expectStatus().isOk();

        await().atMost(WAIT).untilAsserted(() -> assertThat(topics.records(Topics.QBO_CHANGES))
                .filteredOn(r -> r.value() instanceof QboEntityChange c && c.getChangeId().equals("trace-1"))
                .singleElement()
                .satisfies(r -> assertThat(traceparentOf(r.headers().lastHeader("traceparent")))
                        .matches("00-" + traceId + "-[0-9a-f]{16}-01")));
    }

    private static String traceparentOf(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
