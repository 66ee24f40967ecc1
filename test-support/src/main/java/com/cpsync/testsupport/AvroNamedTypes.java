package com.cpsync.testsupport;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.avro.Schema;

/** The named types of an Avro schema, for tests that list every name a schema uses. */
public final class AvroNamedTypes {

    private AvroNamedTypes() {
    }

    /**
     * Every record, enum and fixed reachable from {@code root} (itself included) through fields, unions, arrays and
     * maps, each once, in the order met.
     */
    public static List<Schema> reachableFrom(Schema root) {
        Map<String, Schema> byFullName = new LinkedHashMap<>();
        collect(root, byFullName);
        return List.copyOf(byFullName.values());
    }

    private static void collect(Schema schema, Map<String, Schema> byFullName) {
        switch (schema.getType()) {
            case RECORD:
                if (byFullName.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(field -> collect(field.schema(), byFullName));
                }
                break;
            case ENUM:
            case FIXED:
                byFullName.putIfAbsent(schema.getFullName(), schema);
                break;
            case UNION:
                schema.getTypes().forEach(branch -> collect(branch, byFullName));
                break;
            case ARRAY:
                collect(schema.getElementType(), byFullName);
                break;
            case MAP:
                collect(schema.getValueType(), byFullName);
                break;
            default:
                break;
        }
    }
}
