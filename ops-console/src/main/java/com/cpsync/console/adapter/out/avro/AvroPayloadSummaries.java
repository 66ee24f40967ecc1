package com.cpsync.console.adapter.out.avro;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;

import com.cpsync.console.application.port.PayloadSummaries;
import com.cpsync.schemas.serde.AvroDeserializer;

/**
 * Summarises a dead letter's value with the project's own deserializer: the record as JSON when it reads, or
 * why it does not (which is often why it is a dead letter), cut to a length a table can show.
 */
public class AvroPayloadSummaries implements PayloadSummaries {

    static final int MAX_LENGTH = 600;

    private final AvroDeserializer deserializer = new AvroDeserializer();

    @Override
    public String summarise(String topic, byte[] value) {
        if (value == null) {
            return "no value (a tombstone)";
        }
        try {
            SpecificRecord record = deserializer.deserialize(topic, value);
            return cut(record.getSchema().getName() + " " + record);
        }
        catch (SerializationException ex) {
            return cut(value.length + " bytes, not readable: " + ex.getMessage());
        }
    }

    private static String cut(String text) {
        return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
    }
}
