package com.cpsync.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;

/**
 * Reads Avro single-object encoded records. The writer schema is found by its fingerprint among
 * every kept version of every top-level record ({@link KeptSchemas}); the data is decoded into
 * the current generated class with Avro schema resolution. A null payload (tombstone) gives null.
 * Anything unreadable is a {@link SerializationException}, so the record can be dead-lettered.
 */
public class AvroDeserializer implements Deserializer<SpecificRecord> {

    private static final int HEADER_LENGTH = 10;
    private static final byte MARKER_0 = (byte) 0xC3;
    private static final byte MARKER_1 = (byte) 0x01;

    /** Fingerprint of every kept writer schema → the decoder of the record it belongs to. */
    private final Map<Long, BinaryMessageDecoder<SpecificRecord>> decodersByFingerprint = new HashMap<>();

    public AvroDeserializer() {
        this(KeptSchemas::versionsOf);
    }

    /** Lets tests add writer schemas that were never released. */
    AvroDeserializer(Function<String, List<Schema>> keptVersions) {
        for (Class<? extends SpecificRecord> type : KeptSchemas.TOP_LEVEL_RECORDS) {
            register(type, keptVersions);
        }
    }

    private void register(Class<? extends SpecificRecord> type, Function<String, List<Schema>> keptVersions) {
        SpecificData model = SpecificData.getForClass(type);
        Schema current = model.getSchema(type);
        BinaryMessageDecoder<SpecificRecord> decoder = new BinaryMessageDecoder<>(model, current);
        decodersByFingerprint.put(fingerprint(current), decoder);
        for (Schema kept : keptVersions.apply(current.getName())) {
            decoder.addSchema(kept);
            decodersByFingerprint.put(fingerprint(kept), decoder);
        }
    }

    @Override
    public SpecificRecord deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length < HEADER_LENGTH || data[0] != MARKER_0 || data[1] != MARKER_1) {
            throw new SerializationException("Not an Avro single-object encoded record on topic " + topic
                    + " (" + data.length + " bytes, no C3 01 marker)");
        }
        long fingerprint = ByteBuffer.wrap(data, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        BinaryMessageDecoder<SpecificRecord> decoder = decodersByFingerprint.get(fingerprint);
        if (decoder == null) {
            throw new SerializationException("Unknown Avro schema fingerprint " + Long.toHexString(fingerprint)
                    + " on topic " + topic + ": not a kept version of any schema in com.cpsync.schemas");
        }
        try {
            return decoder.decode(data);
        }
        catch (IOException | RuntimeException ex) {
            throw new SerializationException("Cannot decode Avro record with fingerprint "
                    + Long.toHexString(fingerprint) + " on topic " + topic + ": " + ex.getMessage(), ex);
        }
    }

    private static long fingerprint(Schema schema) {
        return SchemaNormalization.parsingFingerprint64(schema);
    }
}
