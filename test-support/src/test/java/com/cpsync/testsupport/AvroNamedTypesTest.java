package com.cpsync.testsupport;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AvroNamedTypesTest {

    private static final Schema ORDER = new Schema.Parser().parse("""
            {"type": "record", "name": "Order", "namespace": "t", "fields": [
              {"name": "status", "type": {"type": "enum", "name": "Status", "symbols": ["OPEN", "PAID"]}},
              {"name": "customer", "type": ["null", {"type": "record", "name": "Customer", "fields": [
                {"name": "parent", "type": ["null", "Customer"]}]}]},
              {"name": "lines", "type": {"type": "array", "items": {"type": "record", "name": "Line", "fields": [
                {"name": "status", "type": "Status"}]}}},
              {"name": "notes", "type": {"type": "map", "values": {"type": "record", "name": "Note", "fields": []}}},
              {"name": "hash", "type": {"type": "fixed", "name": "Hash", "size": 4}},
              {"name": "total", "type": "string"}]}
            """);

    @Test
    void shouldListEveryNamedTypeOnceThroughUnionsArraysMapsAndRecursion() {
        assertThat(AvroNamedTypes.reachableFrom(ORDER)).extracting(Schema::getFullName)
                .containsExactly("t.Order", "t.Status", "t.Customer", "t.Line", "t.Note", "t.Hash");
    }

    @Test
    void shouldListNothingButItselfForARecordOfPrimitives() {
        Schema note = ORDER.getField("notes").schema().getValueType();

        assertThat(AvroNamedTypes.reachableFrom(note)).containsExactly(note);
    }
}
