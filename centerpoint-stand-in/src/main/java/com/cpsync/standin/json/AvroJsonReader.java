package com.cpsync.standin.json;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * Reads plain JSON values (maps, lists, strings, numbers, booleans as Jackson parses them) into
 * generated Avro records, driven by the record's schema: omitted fields take their schema default,
 * dates are ISO {@code yyyy-MM-dd}, instants ISO-8601, money a decimal string. Every mistake is an
 * {@link InvalidJsonException} naming the field path.
 */
public final class AvroJsonReader {

    /** Field names that carry money or quantities: plain decimal strings, never floats. */
    private static final Set<String> DECIMAL_FIELDS =
            Set.of("quantity", "unitPrice", "amount", "total", "balance", "totalAmount");

    private final SpecificData model;

    public AvroJsonReader(SpecificData model) {
        this.model = model;
    }

    /** Reads a JSON object into the generated record class of {@code schema}. */
    public SpecificRecord readRecord(Schema schema, Map<String, ?> json, String path) {
        Set<String> unknown = new HashSet<>(json.keySet());
        SpecificRecord record = (SpecificRecord) model.newRecord(null, schema);
        for (Schema.Field field : schema.getFields()) {
            unknown.remove(field.name());
            String fieldPath = path.isEmpty() ? field.name() : path + "." + field.name();
            record.put(field.pos(), readField(field, json, fieldPath));
        }
        if (!unknown.isEmpty()) {
            throw new InvalidJsonException("unknown field(s) " + new java.util.TreeSet<>(unknown)
                    + (path.isEmpty() ? "" : " in " + path) + "; expected " + fieldNames(schema));
        }
        return record;
    }

    private Object readField(Schema.Field field, Map<String, ?> json, String path) {
        if (json.containsKey(field.name())) {
            return read(field.schema(), json.get(field.name()), path);
        }
        if (field.hasDefaultValue()) {
            return model.getDefaultValue(field);
        }
        throw new InvalidJsonException(path + " is required");
    }

    private Object read(Schema schema, Object value, String path) {
        switch (schema.getType()) {
            case UNION:
                return readOptional(schema, value, path);
            case RECORD:
                return readRecord(schema, asObject(value, path), path);
            case ARRAY:
                return readArray(schema, value, path);
            case ENUM:
                return readEnum(schema, value, path);
            case STRING:
                return readString(value, path);
            case BOOLEAN:
                if (value instanceof Boolean) {
                    return value;
                }
                throw new InvalidJsonException(path + " must be true or false");
            case INT:
                return readInt(schema, value, path);
            case LONG:
                return readLong(schema, value, path);
            default:
                throw new InvalidJsonException(path + " has an unsupported type " + schema.getType());
        }
    }

    private Object readOptional(Schema union, Object value, String path) {
        if (value == null) {
            if (union.getTypes().stream().anyMatch(t -> t.getType() == Schema.Type.NULL)) {
                return null;
            }
            throw new InvalidJsonException(path + " must not be null");
        }
        List<Schema> branches = union.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).toList();
        if (branches.size() != 1) {
            throw new InvalidJsonException(path + " is a union this reader does not resolve");
        }
        return read(branches.get(0), value, path);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, ?> asObject(Object value, String path) {
        if (value instanceof Map) {
            return (Map<String, ?>) value;
        }
        throw new InvalidJsonException(path + " must be a JSON object");
    }

    private List<Object> readArray(Schema schema, Object value, String path) {
        if (!(value instanceof List)) {
            throw new InvalidJsonException(path + " must be a JSON array");
        }
        List<?> items = (List<?>) value;
        List<Object> result = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            result.add(read(schema.getElementType(), items.get(i), path + "[" + i + "]"));
        }
        return result;
    }

    private Object readEnum(Schema schema, Object value, String path) {
        if (value instanceof String && schema.getEnumSymbols().contains(value)) {
            return model.createEnum((String) value, schema);
        }
        throw new InvalidJsonException(path + " must be one of " + schema.getEnumSymbols() + " but was " + value);
    }

    private static String readString(Object value, String path) {
        if (!(value instanceof String)) {
            throw new InvalidJsonException(path + " must be a string");
        }
        String text = (String) value;
        if (DECIMAL_FIELDS.contains(lastSegment(path))) {
            try {
                new BigDecimal(text);
            }
            catch (NumberFormatException ex) {
                throw new InvalidJsonException(path + " must be a decimal string such as \"380.00\" but was \"" + text + "\"");
            }
        }
        return text;
    }

    private static Object readInt(Schema schema, Object value, String path) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType != null && "date".equals(logicalType.getName())) {
            LocalDate date;
            try {
                date = LocalDate.parse(readString(value, path));
            }
            catch (DateTimeParseException ex) {
                throw new InvalidJsonException(path + " must be an ISO date (yyyy-MM-dd) but was \"" + value + "\"");
            }
            // Avro carries a date as days since 1970 in an int; a farther one failed only when published (a 500)
            if (date.toEpochDay() != (int) date.toEpochDay()) {
                throw new InvalidJsonException(path + " is too far from 1970 for a date: " + date);
            }
            return date;
        }
        if (value instanceof Integer) {
            return value;
        }
        throw new InvalidJsonException(path + " must be an integer");
    }

    private static Object readLong(Schema schema, Object value, String path) {
        LogicalType logicalType = schema.getLogicalType();
        if (logicalType != null && logicalType.getName().startsWith("timestamp")) {
            try {
                return carried(Instant.parse(readString(value, path)), path);
            }
            catch (DateTimeParseException ex) {
                throw new InvalidJsonException(path + " must be an ISO-8601 instant (2026-01-31T12:00:00Z) but was \""
                        + value + "\"");
            }
        }
        if (value instanceof Integer || value instanceof Long) {
            return ((Number) value).longValue();
        }
        throw new InvalidJsonException(path + " must be an integer");
    }

    /**
     * An instant Avro's timestamp can carry (microseconds since 1970 in a long, about ±292,000 years); a
     * farther one failed only when published, as a 500.
     */
    static Instant carried(Instant instant, String path) {
        try {
            Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
            return instant;
        }
        catch (ArithmeticException tooFar) {
            throw new InvalidJsonException(path + " is too far from 1970 for a timestamp: " + instant);
        }
    }

        private static String lastSegment(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static List<String> fieldNames(Schema schema) {
        return schema.getFields().stream().map(Schema.Field::name).toList();
    }
}
