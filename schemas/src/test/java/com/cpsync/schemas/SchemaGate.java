package com.cpsync.schemas;

import java.util.ArrayList;
import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.SchemaCompatibility.SchemaPairCompatibility;

/** The compatibility rule of README.md, as a function so that its own tests can prove it bites. */
final class SchemaGate {

    private SchemaGate() {
    }

    /** Why {@code current} may not ship given the kept versions (oldest first); empty when it may. */
    static List<String> problems(Schema current, List<Schema> kept) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < kept.size(); i++) {
            SchemaPairCompatibility result = SchemaCompatibility.checkReaderWriterCompatibility(current, kept.get(i));
            if (result.getType() != SchemaCompatibilityType.COMPATIBLE) {
                problems.add(current.getName() + " cannot read data written with kept v" + (i + 1) + ": "
                        + result.getResult().getIncompatibilities());
            }
        }
        if (kept.stream().noneMatch(current::equals)) {
            problems.add(current.getName() + " is not kept: copy it to src/main/avro-history/"
                    + current.getName() + "/v" + (kept.size() + 1) + ".avsc");
        }
        return problems;
    }

    static Schema withExtraField(Schema schema, Schema.Field extra) {
        List<Schema.Field> fields = new ArrayList<>();
        schema.getFields().forEach(f -> fields.add(new Schema.Field(f, f.schema())));
        fields.add(extra);
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
