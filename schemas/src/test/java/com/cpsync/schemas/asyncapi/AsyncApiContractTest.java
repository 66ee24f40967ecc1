package com.cpsync.schemas.asyncapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.SyncOutcome;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/asyncapi.yaml cannot drift: it names every topic the code names (and no other), every payload is the
 * current Avro schema, every schema is some channel's payload, and every module's topics are its operations.
 */
class AsyncApiContractTest {

    /** Surefire runs in the module directory; the document and the other modules sit beside it. */
    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Path DOCUMENT = REPOSITORY.resolve("docs/asyncapi.yaml");
    private static final Path CURRENT_SCHEMAS = REPOSITORY.resolve("schemas/src/main/avro");
    private static final String GENERATED_PACKAGE = "com.cpsync.schemas.avro.";

    private static AsyncApiDocument doc;
    private static Map<String, Map<String, Path>> topicsByModule;
    private static Map<String, Schema> currentSchemas;

    @BeforeAll
    static void readDocumentCodeAndSchemas() throws IOException, ReflectiveOperationException {
        doc = AsyncApiDocument.read(DOCUMENT);
        topicsByModule = TopicNamesInCode.byModule(REPOSITORY);
        currentSchemas = currentSchemas();
    }

    @Test
    void shouldHaveAChannelForEveryTopicTheCodeNames() {
        assertThat(AsyncApiContract.undocumentedTopics(doc, topicsByModule)).isEmpty();
    }

    @Test
    void shouldHaveNoChannelForATopicTheCodeDoesNotName() {
        assertThat(AsyncApiContract.channelsTheCodeDoesNotName(doc, topicsInCode())).isEmpty();
    }

    @Test
    void shouldReferToTheCurrentAvroSchemaOfEveryPayload() {
        assertThat(AsyncApiContract.payloadProblems(doc, currentSchemas)).isEmpty();
    }

    @Test
    void shouldUseEveryAvroSchemaInSomeChannel() {
        assertThat(AsyncApiContract.unusedSchemas(doc, currentSchemas)).isEmpty();
    }

    @Test
    void shouldDescribeKeysSendersAndReceiversOfEveryChannel() {
        assertThat(AsyncApiContract.keyAndOperationProblems(doc, topicsByModule.keySet())).isEmpty();
    }

    @Test
    void shouldGiveEveryModuleAnOperationOnEachTopicItsCodeNames() {
        assertThat(AsyncApiContract.topicsWithoutOperationOfTheirModule(doc, topicsByModule)).isEmpty();
    }

    @Test
    void shouldFindThePublicTopicsAndTheServicesOwnTopicsInTheCode() {
        assertThat(topicsInCode()).containsAll(TopicNamesInCode.topicConstants().values())
                .contains("cp-outbound.entity-state.v1", "cp-outbound.waiting.v1", "qbo.changes.v1.retry");
    }

    @Test
    void shouldReadTopicNamesFromLiteralsConstantsAndDeadLetterCalls() {
        String code = "String a = \"cp-outbound.waiting.v1\"; // see qbo.changes.v1.retry.DLT.\n"
                + "String b = Topics.QBO_CHANGES + \".retry\"; Topics.dlt(Topics.CENTERPOINT_EVENTS);\n"
                + "url = http://localhost:8090/oauth2/v1/tokens/bearer; minorversion=75; com.cpsync.schemas.avro\n"
                + "import io.swagger.v3.oas.models.media.Content;\n";

        assertThat(TopicNamesInCode.topicsIn(code)).containsExactlyInAnyOrder("cp-outbound.waiting.v1",
                "qbo.changes.v1.retry.DLT", "qbo.changes.v1.retry", "centerpoint.events.v1",
                "centerpoint.events.v1.DLT");
    }

    @Test
    void shouldReportATopicWithoutChannel() {
        Map<String, Map<String, Path>> code = Map.of("cp-outbound-service",
                Map.of("cp-outbound.parked.v2", Path.of("cp-outbound-service/src/main/resources/x.properties")));

        assertThat(AsyncApiContract.undocumentedTopics(doc, code)).singleElement().asString()
                .contains("cp-outbound.parked.v2", "x.properties");
    }

    @Test
    void shouldReportAChannelForATopicNoLongerInTheCode() {
        Set<String> withoutWaiting = topicsInCode().stream().filter(t -> !t.startsWith("cp-outbound.waiting"))
                .collect(Collectors.toSet());

        assertThat(AsyncApiContract.channelsTheCodeDoesNotName(doc, withoutWaiting))
                .containsExactlyInAnyOrder(
                        "channel cpOutboundWaiting (cp-outbound.waiting.v1) is a topic no module's code names",
                        "channel cpOutboundWaitingDlt (cp-outbound.waiting.v1.DLT) is a topic no module's code names");
    }

    @Test
    void shouldReportAPayloadThatIsNotTheCurrentSchema() {
        // SyncOutcome with one more field: the document still refers to the kept v3, which is no longer current
        Schema changed = withExtraOptionalField(SyncOutcome.getClassSchema(), "fieldAddedByThisTest");
        Map<String, Schema> schemas = new TreeMap<>(currentSchemas);
        schemas.put(changed.getFullName(), changed);

        assertThat(AsyncApiContract.payloadProblems(doc, schemas)).singleElement().asString()
                .contains("syncOutcomes", "SyncOutcome/v3.avsc", "is not the current SyncOutcome.avsc");
    }

    @Test
    void shouldReportASchemaNoChannelUses() {
        Schema unused = Schema.createRecord("TenantDeleted", "not sent anywhere", "com.cpsync.schemas.avro", false,
                List.of(new Schema.Field("tenantId", Schema.create(Schema.Type.STRING))));
        Map<String, Schema> schemas = new TreeMap<>(currentSchemas);
        schemas.put(unused.getFullName(), unused);

        assertThat(AsyncApiContract.unusedSchemas(doc, schemas))
                .containsExactly("schema com.cpsync.schemas.avro.TenantDeleted is used by no channel of " + DOCUMENT);
    }

    @Test
    void shouldReportAModuleTopicWithoutOperationOfThatModule() {
        Map<String, Map<String, Path>> code = Map.of("centerpoint-stand-in",
                Map.of(Topics.QBO_CHANGES, Path.of("centerpoint-stand-in/src/main/java/X.java")));

        assertThat(AsyncApiContract.topicsWithoutOperationOfTheirModule(doc, code)).singleElement().asString()
                .contains("centerpoint-stand-in names qbo.changes.v1");
    }

    private static Set<String> topicsInCode() {
        return topicsByModule.values().stream().flatMap(t -> t.keySet().stream())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The schema of each src/main/avro/*.avsc, as its generated class holds it. */
    private static Map<String, Schema> currentSchemas() throws IOException, ReflectiveOperationException {
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.list(CURRENT_SCHEMAS)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).collect(Collectors.toList())) {
                String record = file.getFileName().toString().replace(".avsc", "");
                Schema schema = (Schema) Class.forName(GENERATED_PACKAGE + record).getMethod("getClassSchema").invoke(null);
                schemas.put(schema.getFullName(), schema);
            }
        }
        return schemas;
    }

    private static Schema withExtraOptionalField(Schema schema, String name) {
        List<Schema.Field> fields = schema.getFields().stream().map(f -> new Schema.Field(f, f.schema()))
                .collect(Collectors.toList());
        Schema optionalString = Schema.createUnion(Schema.create(Schema.Type.NULL), Schema.create(Schema.Type.STRING));
        fields.add(new Schema.Field(name, optionalString, null, Schema.Field.NULL_DEFAULT_VALUE));
        return Schema.createRecord(schema.getName(), schema.getDoc(), schema.getNamespace(), false, fields);
    }
}
