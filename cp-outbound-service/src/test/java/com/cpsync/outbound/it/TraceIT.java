package com.cpsync.outbound.it;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One trace per event (issue 9): a Centerpoint event published with a W3C {@code traceparent} header is
 * handled on a worker thread, and its QBO call, its mapping-service calls and its outcome record all carry
 * the trace id Centerpoint started.
 */
class TraceIT extends OutboundItBase {

    private static final AttributeKey<String> URI = AttributeKey.stringKey("uri");

    @Autowired
    private InMemorySpanExporter spans;

    @Test
    void shouldCarryTheEventsTraceIdToItsOutcomeAndItsQboCall() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        String traceId = randomHex(16);
        CenterpointEvent event = event(t, new CompanyCreated(company("c1", "Traced Renovations")));
        ProducerRecord<String, SpecificRecord> record = new ProducerRecord<>(Topics.CENTERPOINT_EVENTS, t.id(), event);
        record.headers().add("traceparent",
                ("00-" + traceId + "-" + randomHex(8) + "-01").getBytes(StandardCharsets.UTF_8));

        send(record);

        SyncOutcome outcome = awaitOutcome(t, event.getEventId(), "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getTraceId()).isEqualTo(traceId);
        await().atMost(WAIT).untilAsserted(() -> {
            List<SpanData> trace = spans.getFinishedSpanItems().stream()
                    .filter(span -> span.getTraceId().equals(traceId)).toList();
            assertThat(trace).as("the worker's span").anyMatch(span -> span.getName().equals("handle event"));
            assertThat(trace).as("the QBO create, a client span")
                    .anyMatch(span -> span.getKind() == SpanKind.CLIENT
                            && "/v3/company/{realmId}/customer".equals(span.getAttributes().get(URI))
                            && "POST".equals(span.getAttributes().get(AttributeKey.stringKey("method"))));
            assertThat(trace).as("a mapping-service call, a client span")
                    .anyMatch(span -> span.getKind() == SpanKind.CLIENT
                            && String.valueOf(span.getAttributes().get(URI)).startsWith("/tenants/"));
            assertThat(trace).as("the outcome record sent, a producer span")
                    .anyMatch(span -> span.getKind() == SpanKind.PRODUCER && span.getName().contains(Topics.SYNC_OUTCOMES));
        });
    }

    @Test
    void shouldStartATraceForAnEventThatCameWithout() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);

        String eventId = publish(t, new CompanyCreated(company("c2", "Untraced Builders")));

        String traceId = awaitOutcome(t, eventId, "c2").getTraceId();
        assertThat(traceId).matches("[0-9a-f]{32}").isNotEqualTo("0".repeat(32));
    }

    private static String randomHex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        random[0] |= 1; // never all zeros (an invalid id)
        return HexFormat.of().formatHex(random);
    }
}
