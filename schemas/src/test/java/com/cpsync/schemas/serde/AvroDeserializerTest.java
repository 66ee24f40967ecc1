package com.cpsync.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.QboOperation;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.schemas.fixtures.AvroFixtures.OCCURRED_AT;
import static com.cpsync.schemas.fixtures.AvroFixtures.aSyncOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AvroDeserializerTest {

    private final AvroDeserializer deserializer = new AvroDeserializer();

    @Test
    void shouldReadPayloadWrittenWithKeptV1Schema() throws IOException {
        Schema v1 = KeptSchemas.versionsOf("QboEntityChange").get(0);
        GenericRecord old = new GenericData.Record(v1);
        old.put("changeId", "c-1");
        old.put("realmId", "9341455");
        old.put("entityName", "Invoice");
        old.put("entityId", "129");
        old.put("operation", new GenericData.EnumSymbol(v1.getField("operation").schema(), "VOID"));
        old.put("lastUpdated", OCCURRED_AT.toEpochMilli());
        old.put("source", new GenericData.EnumSymbol(v1.getField("source").schema(), "CDC"));
        old.put("receivedAt", OCCURRED_AT.toEpochMilli());

        SpecificRecord read = deserializer.deserialize(Topics.QBO_CHANGES, encode(v1, old));

        assertThat(read).isInstanceOf(QboEntityChange.class);
        QboEntityChange change = (QboEntityChange) read;
        assertThat(change.getOperation()).isEqualTo(QboOperation.VOID);
        assertThat(change.getLastUpdated()).isEqualTo(OCCURRED_AT);
        assertThat(change.getEntityJson()).isNull();
    }

    @Test
    void shouldResolveAnOlderWriterSchemaIntoTheCurrentClass() throws IOException {
        // an older SyncOutcome without the optional qboErrorCode field, kept alongside v1
        Schema current = SyncOutcome.getClassSchema();
        Schema older = withoutField(current, "qboErrorCode");
        AvroDeserializer withOlderVersion = new AvroDeserializer(
                name -> name.equals("SyncOutcome") ? List.of(older) : List.of());
        GenericRecord old = new GenericData.Record(older);
        SyncOutcome sample = aSyncOutcome();
        for (Schema.Field field : older.getFields()) {
            Object value = sample.get(field.name());
            old.put(field.name(), value instanceof Enum<?> e
                    ? new GenericData.EnumSymbol(field.schema(), e.name())
                    : value instanceof java.time.Instant i ? i.toEpochMilli() : value);
        }

        SyncOutcome read = (SyncOutcome) withOlderVersion.deserialize(Topics.SYNC_OUTCOMES, encode(older, old));

        assertThat(read.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(read.getOccurredAt()).isEqualTo(OCCURRED_AT);
        assertThat(read.getQboErrorCode()).isNull();
    }

    @Test
    void shouldRejectGarbageBytes() {
        assertRejected(Topics.CENTERPOINT_EVENTS, "{\"not\":\"avro\"}".getBytes(), "C3 01 marker");
    }

    @Test
    void shouldRejectUnknownFingerprint() {
        byte[] bytes = new AvroSerializer().serialize(Topics.SYNC_OUTCOMES, aSyncOutcome());
        bytes[5] ^= 0x5A;

        assertRejected(Topics.SYNC_OUTCOMES, bytes, "Unknown Avro schema fingerprint");
    }

    @Test
    void shouldRejectTruncatedBody() {
        byte[] bytes = new AvroSerializer().serialize(Topics.SYNC_OUTCOMES, aSyncOutcome());

        assertRejected(Topics.SYNC_OUTCOMES, Arrays.copyOf(bytes, 14), "Cannot decode");
    }

    private void assertRejected(String topic, byte[] bytes, String reason) {
        assertThatThrownBy(() -> deserializer.deserialize(topic, bytes))
                .isInstanceOf(SerializationException.class)
                .hasMessageContaining(reason);
    }

    private static byte[] encode(Schema schema, GenericRecord record) throws IOException {
        ByteBuffer buffer = new BinaryMessageEncoder<GenericRecord>(GenericData.get(), schema).encode(record);
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }

    private static Schema withoutField(Schema schema, String dropped) {
        List<Schema.Field> fields = schema.getFields().stream()
                .filter(f -> !f.name().equals(dropped))
                .map(f -> new Schema.Field(f, f.schema()))
                .toList();
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
