package com.cpsync.schemas.serde;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Serializer;

/**
 * Writes any generated record as Avro single-object encoding: marker {@code C3 01}, the 8-byte
 * little-endian CRC-64-AVRO fingerprint of the record's schema, then the binary body.
 * A null record is written as null (a tombstone).
 */
public class AvroSerializer implements Serializer<SpecificRecord> {

    private final Map<Class<?>, BinaryMessageEncoder<SpecificRecord>> encoders = new ConcurrentHashMap<>();

    @Override
    public byte[] serialize(String topic, SpecificRecord data) {
        if (data == null) {
            return null;
        }
        try {
            ByteBuffer buffer = encoderFor(data).encode(data);
            byte[] bytes = new byte[buffer.remaining()];
            buffer.get(bytes);
            return bytes;
        }
        catch (IOException | RuntimeException ex) {
            throw new SerializationException("Cannot Avro-encode " + data.getClass().getSimpleName()
                    + " for topic " + topic + ": " + ex.getMessage(), ex);
        }
    }

    private BinaryMessageEncoder<SpecificRecord> encoderFor(SpecificRecord data) {
        // the class's own model carries its logical-type conversions (LocalDate, Instant)
        return encoders.computeIfAbsent(data.getClass(),
                type -> new BinaryMessageEncoder<>(SpecificData.getForClass(type), data.getSchema()));
    }
}
