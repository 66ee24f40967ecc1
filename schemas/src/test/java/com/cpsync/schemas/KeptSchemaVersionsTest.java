package com.cpsync.schemas;

import java.util.List;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.serde.KeptSchemas;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build-time gate (see README.md): every current top-level schema must read data written with
 * every kept version (backward-transitive) and must itself be kept.
 */
class KeptSchemaVersionsTest {

    @Test
    void shouldKeepAtLeastOneVersionOfEveryTopLevelRecord() {
        for (Class<? extends SpecificRecord> type : KeptSchemas.TOP_LEVEL_RECORDS) {
            assertThat(KeptSchemas.versionsOf(type.getSimpleName())).as(type.getSimpleName()).isNotEmpty();
        }
    }

    @Test
    void shouldPassTheGateForEveryCurrentSchema() {
        for (Class<? extends SpecificRecord> type : KeptSchemas.TOP_LEVEL_RECORDS) {
            Schema current = SpecificData.get().getSchema(type);

            assertThat(SchemaGate.problems(current, KeptSchemas.versionsOf(type.getSimpleName())))
                    .as("schema gate for %s", type.getSimpleName()).isEmpty();
        }
    }

    @Test
    void shouldRejectNewRequiredFieldWithoutDefault() {
        Schema current = SyncOutcome.getClassSchema();
        Schema changed = SchemaGate.withExtraField(current,
                new Schema.Field("tenantName", Schema.create(Schema.Type.STRING), "required, no default"));

        List<String> problems = SchemaGate.problems(changed, List.of(current, changed));

        assertThat(problems).singleElement().asString()
                .contains("cannot read data written with kept v1").contains("tenantName");
    }

    @Test
    void shouldAcceptNewOptionalFieldOnceKeptAsNewVersion() {
        Schema current = SyncOutcome.getClassSchema();
        Schema changed = withOptionalTicketNumber(current);

        assertThat(SchemaGate.problems(changed, List.of(current, changed))).isEmpty();
    }

    @Test
    void shouldRejectCompatibleChangeThatWasNotKept() {
        Schema current = SyncOutcome.getClassSchema();
        Schema changed = withOptionalTicketNumber(current);

        assertThat(SchemaGate.problems(changed, List.of(current)))
                .singleElement().asString().contains("is not kept");
    }

    /** A compatible change: one more optional field. */
    private static Schema withOptionalTicketNumber(Schema schema) {
        return SchemaGate.withExtraField(schema, new Schema.Field("ticketNumber",
                Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING)),
                "optional", Schema.Field.NULL_DEFAULT_VALUE));
    }
}
