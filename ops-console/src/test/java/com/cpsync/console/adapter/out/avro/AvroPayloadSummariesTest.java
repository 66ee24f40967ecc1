package com.cpsync.console.adapter.out.avro;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.serde.AvroSerializer;

import static org.assertj.core.api.Assertions.assertThat;

class AvroPayloadSummariesTest {

    private final AvroPayloadSummaries summaries = new AvroPayloadSummaries();

    @Test
    void shouldShowAReadableRecordByItsSchemaAndFields() {
        SyncOutcome outcome = SyncOutcome.newBuilder().setOutcomeId("o-1").setTenantId("acme")
                .setOccurredAt(Instant.parse("2026-05-01T10:00:00Z")).setCausationId("e-1")
                .setDirection(SyncDirection.TO_QBO).setEntityType(SyncEntityType.SERVICE_INVOICE)
                .setAction(SyncAction.CREATE).setResult(SyncResult.FAILED).setReason("no lines").build();
        byte[] bytes;
        try (AvroSerializer serializer = new AvroSerializer()) {
            bytes = serializer.serialize("sync.outcomes.v1", outcome);
        }

        assertThat(summaries.summarise("sync.outcomes.v1", bytes))
                .startsWith("SyncOutcome {").contains("\"tenantId\": \"acme\"").contains("no lines");
    }

    @Test
    void shouldSayWhyBytesAreNotReadable() {
        assertThat(summaries.summarise("centerpoint.events.v1", "not avro".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("8 bytes, not readable: Not an Avro single-object encoded record on topic "
                        + "centerpoint.events.v1 (8 bytes, no C3 01 marker)");
    }

    @Test
    void shouldCutALongSummaryAndNameATombstone() {
        assertThat(summaries.summarise("t".repeat(700), new byte[5])).hasSize(AvroPayloadSummaries.MAX_LENGTH).endsWith("…");
        assertThat(summaries.summarise("t", null)).contains("tombstone");
    }
}
