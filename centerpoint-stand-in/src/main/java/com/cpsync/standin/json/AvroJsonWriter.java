package com.cpsync.standin.json;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;
import org.apache.avro.generic.GenericEnumSymbol;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns generated Avro records into plain JSON-ready values (maps, lists, strings): field names as
 * in the schemas, dates and instants ISO-8601, enums by name, money unchanged as decimal strings.
 */
public final class AvroJsonWriter {

    private AvroJsonWriter() {
    }

    /** The record as an ordered map of its fields. */
    public static Map<String, Object> toJson(SpecificRecord record) {
        Map<String, Object> json = new LinkedHashMap<>();
        for (Schema.Field field : record.getSchema().getFields()) {
            json.put(field.name(), value(record.get(field.pos())));
        }
        return json;
    }

    private static Object value(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Number) {
            return value;
        }
        if (value instanceof SpecificRecord) {
            return toJson((SpecificRecord) value);
        }
        if (value instanceof List) {
            return ((List<?>) value).stream().map(AvroJsonWriter::value).toList();
        }
        if (value instanceof Enum) {
            return ((Enum<?>) value).name();
        }
        if (value instanceof GenericEnumSymbol) {
            return value.toString();
        }
        // CharSequence (String/Utf8), LocalDate, Instant: their toString is the ISO text
        return value.toString();
    }
}
