package com.cpsync.standin;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.apache.avro.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.testsupport.AvroNamedTypes;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bodies and headers at the stand-in's JSON API (connection, settings, events), through the real
 * HTTP stack on a real port, with a real (embedded) broker: never a 5xx, and every 4xx says what is wrong as
 * {@code {"error","message"}}. The only 5xx allowed is the connection flow's own 502 for a well-formed
 * connect, since nothing listens where mapping-service and the sandbox would be.
 */
class StandInApiPropertiesIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    /** Every field name and enum symbol of the schemas the API reads, so generated bodies go deep. */
    private static final Set<String> NAMES = new TreeSet<>();
    private static final Set<String> SYMBOLS = new TreeSet<>();

    private static final Schema PAYLOADS = CenterpointEvent.getClassSchema().getField("payload").schema();
    private static final Set<String> DECIMALS_NAMED = Set.of("quantity", "unitPrice", "amount", "total", "balance",
            "totalAmount");
    private static final List<String> DECIMALS = List.of("380.00", "0", "-1.5", "1e400", "1E+999999999", "NaN", "1,5", "");
    private static final List<String> DATES = List.of("2026-03-01", "+999999999-12-31", "-999999999-01-01",
            "0000-01-01", "2026-02-30", "01/03/2026");
    private static final List<String> INSTANTS = List.of("2026-11-30T09:00:00Z", "2026-11-30T09:00:00.123456789Z",
            "+999999999-12-31T23:59:59Z", "-999999999-01-01T00:00:00Z", "+294247-01-10T04:00:54.775807Z",
            "0000-01-01T00:00:00Z", "2026-11-30T09:00:00+02:00", "2026-11-30");

    private static EmbeddedKafkaKraftBroker broker;
    private static ConfigurableApplicationContext app;
    private static String base;

    @BeforeContainer
    static void start() {
        for (Schema root : List.of(CenterpointEvent.getClassSchema(), SyncSettings.getClassSchema())) {
            AvroNamedTypes.reachableFrom(root).forEach(StandInApiPropertiesIT::collect);
        }
        NAMES.addAll(List.of("type", "realmId", "eventId", "causationId", "occurredAt"));
        broker = new EmbeddedKafkaKraftBroker(1, 1, Topics.CENTERPOINT_EVENTS, Topics.CENTERPOINT_SYNC_SETTINGS,
                Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES);
        broker.brokerListProperty("stand-in.properties.brokers");
        broker.afterPropertiesSet();
        // arguments, not default properties: they win over system properties an earlier IT's broker left behind
        app = new SpringApplicationBuilder(CenterpointStandInApplication.class).run("--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--app.sandbox-url=http://localhost:1", "--app.mapping-url=http://localhost:1",
                "--app.connect-retry.max-attempts=1", "--app.connect-retry.first-backoff=10ms");
        base = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
    }

    @AfterContainer
    static void stop() {
        app.close();
        broker.destroy();
    }

    @Property(tries = 300)
    void shouldNeverAnswer5xxAndExplainEvery4xx(@ForAll("requests") Request generated, @ForAll("tenants") String tenant,
            @ForAll("contentTypes") String contentType) throws Exception {
        String endpoint = generated.endpoint();
        byte[] body = generated.body();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/tenants/" + tenant + "/" + endpoint))
                .timeout(Duration.ofSeconds(30))
                .method(endpoint.equals("events") ? "POST" : "PUT", HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }

        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());

        int status = response.statusCode();
        Statistics.collect(endpoint, status / 100 * 100);
        Statistics.coverage(coverage -> {
            coverage.check("settings", 200).count(n -> n > 0);
            coverage.check("events", 200).count(n -> n > 0);
            coverage.check("connection", 500).count(n -> n > 0);
        });
        if (status >= 500) {
            assertThat(endpoint).as("a 5xx: " + response.body()).isEqualTo("connection");
            assertThat(status).as(response.body()).isEqualTo(502);
            assertThat(JSON.readTree(response.body()).path("error").asString()).isEqualTo("connection_failed");
        }
        else if (status >= 400) {
            JsonNode error = JSON.readTree(response.body());
            assertThat(error.path("error").asString()).as(response.body()).isNotBlank();
            assertThat(error.path("message").asString()).as(response.body()).isNotBlank();
        }
        else {
            assertThat(status).as(response.body()).isIn(200, 202);
        }
    }

    /** Edge values the generators reach only now and then, each tried once. */
    @Example
    void shouldRefuseTimesAvroCannotCarryWith400() throws Exception {
        Map<String, Object> farOccurredAt = new HashMap<>(StandInFixtures.aCompanyCreatedJson("c-far", "Far"));
        farOccurredAt.put("occurredAt", "+999999999-12-31T23:59:59Z");
        Map<String, Object> farIssueDate = new HashMap<>(StandInFixtures.aServiceInvoiceCreatedJson());
        farIssueDate.put("eventId", "evt-far-date");
        @SuppressWarnings("unchecked")
        Map<String, Object> invoice = new HashMap<>((Map<String, Object>) farIssueDate.get("invoice"));
        invoice.put("issueDate", "+999999999-12-31");
        farIssueDate.put("invoice", invoice);

        for (Map<String, Object> body : List.of(farOccurredAt, farIssueDate)) {
            HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(base + "/tenants/t-far/events"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
            assertThat(response.body()).contains("invalid_request");
        }
    }

    /**
     * Regression for the hang this property met (a 30-second timeout after a 415): a request that arrives while
     * the previous answer is still being written, and is itself answered without its body being read, must not
     * stop the server reading the connection. Reactor Netty 1.3.6 did (reactor/reactor-netty#4347; the parent POM
     * takes 1.3.8). Two requests in one write (the second waits behind the first, whose 502 comes from a worker
     * thread), then a third on the same connection.
     */
    @Example
    void shouldKeepReadingAConnectionAfterAnAnswerThatLeftTheBodyUnread() throws Exception {
        String connect = "{\"realmId\":\"4620\"}";
        String event = JSON.writeValueAsString(StandInFixtures.aCompanyCreatedJson("c-pipe", "Pipe"));
        try (Socket socket = new Socket("localhost", URI.create(base).getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());

            out.write((rawRequest("PUT", "/tenants/t-pipe/connection", "application/json", connect)
                    + rawRequest("POST", "/tenants/t-pipe/events", "json", event)).getBytes(StandardCharsets.UTF_8));
            out.flush();
            int first = readResponseStatus(in);
            int second = readResponseStatus(in);
            out.write(rawRequest("POST", "/tenants/t-pipe/events", "application/json", event)
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            int third = readResponseStatus(in);

            assertThat(List.of(first, second, third)).containsExactly(502, 415, 202);
        }
    }

    /** The same without a body (reactor/reactor-netty#4361): the second request is answered at once, on the event loop. */
    @Example
    void shouldKeepReadingAConnectionAfterAnAnswerGivenWhileThePreviousWasStillEnding() throws Exception {
        String connect = "{\"realmId\":\"4620\"}";
        try (Socket socket = new Socket("localhost", URI.create(base).getPort())) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            BufferedInputStream in = new BufferedInputStream(socket.getInputStream());

            out.write((rawRequest("PUT", "/tenants/t-pipe-get/connection", "application/json", connect)
                    + "GET /tenants/t-pipe-get/outcomes HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            int first = readResponseStatus(in);
            int second = readResponseStatus(in);
            out.write("GET /tenants/t-pipe-get/outcomes HTTP/1.1\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.UTF_8));
            out.flush();
            int third = readResponseStatus(in);

            assertThat(List.of(first, second, third)).containsExactly(502, 200, 200);
        }
    }

    private static String rawRequest(String method, String path, String contentType, String body) {
        return method + " " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                + "\r\nContent-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    /** Reads one HTTP/1.1 response with a Content-Length body and returns its status. */
    private static int readResponseStatus(BufferedInputStream in) throws Exception {
        String statusLine = readLine(in);
        int contentLength = 0;
        for (String header = readLine(in); !header.isEmpty(); header = readLine(in)) {
            if (header.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                contentLength = Integer.parseInt(header.substring("content-length:".length()).trim());
            }
        }
        assertThat(in.readNBytes(contentLength)).hasSize(contentLength);
        return Integer.parseInt(statusLine.split(" ")[1]);
    }

    private static String readLine(BufferedInputStream in) throws Exception {
        StringBuilder line = new StringBuilder();
        for (int c = in.read(); c != '\n'; c = in.read()) {
            if (c < 0) {
                throw new EOFException("connection closed after: " + line);
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    /** One endpoint and what is sent to it. */
    record Request(String endpoint, byte[] body) {

        @Override
        public String toString() {
            return endpoint + " " + new String(body, StandardCharsets.UTF_8);
        }
    }

    /** Mostly bodies of the endpoint's own shape (valid, or wrong deep inside), else anything at all. */
    @Provide
    Arbitrary<Request> requests() {
        Arbitrary<Request> shaped = Arbitraries.lazy(StandInApiPropertiesIT::schemaShaped);
        Arbitrary<Request> anything = Combinators.combine(Arbitraries.of("connection", "settings", "events"), bodies())
                .as(Request::new);
        return Arbitraries.frequencyOf(Tuple.of(3, shaped), Tuple.of(2, anything));
    }

    @Provide
    Arbitrary<String> tenants() {
        return Arbitraries.oneOf(Arbitraries.of("t-1", "acme"),
                Arbitraries.strings().all().ofMinLength(1).ofMaxLength(20)
                        .map(tenant -> URLEncoder.encode(tenant, StandardCharsets.UTF_8).replace("+", "%20")));
    }

    @Provide
    Arbitrary<String> contentTypes() {
        return Arbitraries.frequencyOf(Tuple.of(6, Arbitraries.just("application/json")),
                Tuple.of(1, Arbitraries.of("", "text/plain", "application/xml", "application/json; charset=utf-16",
                        "application/json; charset=iso-8859-1", "application/x-www-form-urlencoded", "*/*",
                        "application/cloudevents+json", "application/octet-stream", "json", ";;")));
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
                Tuple.of(6, object(3)),
                Tuple.of(2, json(3)),
                Tuple.of(1, Arbitraries.strings().all().ofMaxLength(100)),
                Tuple.of(1, deep()),
                Tuple.of(1, Arbitraries.of("", "null", "[]", "{}", "{\"realmId\":null}", "{\"realmId\":7}",
                        "{\"realmId\":\" \"}", "{\"type\":null}", "{\"type\":\"CompanyCreated\"}", "{\"company\":{}}")));
        return Arbitraries.frequencyOf(Tuple.of(12, text.map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(300)),
                Tuple.of(1, large()));
    }

    /**
     * A body of the shape an endpoint reads, generated from the Avro schemas, with now and then a value of any
     * JSON type in place of the right one: valid bodies (so the success paths run) and bodies wrong deep inside.
     */
    private static Arbitrary<Request> schemaShaped() {
        Arbitrary<String> settings = value(SyncSettings.getClassSchema(), "", 6);
        Arbitrary<String> event = Arbitraries.of(PAYLOADS.getTypes()).flatMap(branch -> Combinators.combine(
                        value(branch, "", 6), oneOfMostlyFirst(INSTANTS).injectNull(0.5))
                .as((payload, occurredAt) -> "{\"type\":" + quoted(branch.getName())
                        + (occurredAt == null ? "" : ",\"occurredAt\":" + quoted(occurredAt))
                        + (payload.length() > 2 ? "," + payload.substring(1) : "}")));
        Arbitrary<String> connection = Arbitraries.oneOf(Arbitraries.of("4620", "realm-1"),
                Arbitraries.strings().all().ofMaxLength(20)).map(realm -> "{\"realmId\":" + quoted(realm) + "}");
        return Arbitraries.oneOf(request("settings", settings), request("events", event),
                request("connection", connection));
    }

    private static Arbitrary<Request> request(String endpoint, Arbitrary<String> body) {
        return body.map(text -> new Request(endpoint, text.getBytes(StandardCharsets.UTF_8)));
    }

    private static Arbitrary<String> value(Schema schema, String field, int depth) {
        Arbitrary<String> right = rightValue(schema, field, depth);
        return depth == 0 ? right : Arbitraries.frequencyOf(Tuple.of(40, right), Tuple.of(1, json(1).withoutEdgeCases()));
    }

    private static Arbitrary<String> rightValue(Schema schema, String field, int depth) {
        switch (schema.getType()) {
            case RECORD:
                if (depth == 0) {
                    return Arbitraries.just("{}");
                }
                List<Arbitrary<String>> fields = schema.getFields().stream()
                        .filter(f -> !f.name().equals("tenantId") && !f.name().equals("updatedAt"))
                        // a field with a default may be left out; a required one is there (or, rarely, wrong)
                        .map(f -> value(f.schema(), f.name(), depth - 1).injectNull(f.hasDefaultValue() ? 0.3 : 0.02)
                                .map(v -> v == null ? "" : quoted(f.name()) + ":" + v))
                        .toList();
                return Combinators.combine(fields).as(parts -> parts.stream().filter(part -> !part.isEmpty())
                        .collect(java.util.stream.Collectors.joining(",", "{", "}")));
            case UNION:
                Schema branch = schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL).findFirst()
                        .orElseThrow();
                return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just("null")),
                        Tuple.of(3, Arbitraries.lazy(() -> value(branch, field, depth))));
            case ARRAY:
                return Arbitraries.lazy(() -> value(schema.getElementType(), field, depth - 1)).list().ofMaxSize(2)
                        .map(items -> "[" + String.join(",", items) + "]");
            case ENUM:
                return Arbitraries.of(schema.getEnumSymbols()).map(StandInApiPropertiesIT::quoted);
            case BOOLEAN:
                return Arbitraries.of("true", "false");
            case INT:
                return schema.getLogicalType() != null ? oneOfMostlyFirst(DATES).map(StandInApiPropertiesIT::quoted)
                        : Arbitraries.integers().map(String::valueOf);
            case LONG:
                return schema.getLogicalType() != null ? oneOfMostlyFirst(INSTANTS).map(StandInApiPropertiesIT::quoted)
                        : Arbitraries.longs().map(String::valueOf);
            default:
                return DECIMALS_NAMED.contains(field) ? oneOfMostlyFirst(DECIMALS).map(StandInApiPropertiesIT::quoted)
                        : Arbitraries.oneOf(Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(12),
                                Arbitraries.strings().all().ofMaxLength(12)).map(StandInApiPropertiesIT::quoted);
        }
    }

    /** The first (valid) value nine times in ten, else any of the list's edge cases. */
    private static Arbitrary<String> oneOfMostlyFirst(List<String> values) {
        return Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.just(values.get(0))), Tuple.of(1, Arbitraries.of(values)));
    }

    /** A JSON object whose keys are the schemas' field names: mostly the shape the API reads, with any values. */
    private static Arbitrary<String> object(int depth) {
        Arbitrary<String> value = depth == 0 ? scalar() : Arbitraries.oneOf(scalar(), scalar(),
                Arbitraries.lazy(() -> object(depth - 1)), Arbitraries.lazy(() -> json(depth - 1)));
        return Combinators.combine(Arbitraries.of(NAMES), value).as((key, v) -> quoted(key) + ":" + v)
                .list().ofMaxSize(6).map(fields -> "{" + String.join(",", fields) + "}");
    }

    private static Arbitrary<String> json(int depth) {
        if (depth == 0) {
            return scalar();
        }
        Arbitrary<String> array = Arbitraries.lazy(() -> json(depth - 1)).list().ofMaxSize(4)
                .map(items -> "[" + String.join(",", items) + "]");
        return Arbitraries.oneOf(scalar(), array, Arbitraries.lazy(() -> object(depth - 1)));
    }

    private static Arbitrary<String> scalar() {
        return Arbitraries.oneOf(
                Arbitraries.of(SYMBOLS).map(StandInApiPropertiesIT::quoted),
                Arbitraries.of("2026-03-01", "01/03/2026", "2026-11-30T09:00:00Z", "380.00", "-1", "1e400", "NaN", "",
                        " ", "co-1", "4620").map(StandInApiPropertiesIT::quoted),
                Arbitraries.strings().all().ofMaxLength(20).map(StandInApiPropertiesIT::quoted),
                Arbitraries.longs().map(String::valueOf),
                Arbitraries.of("1.5", "1e400", "-0", "12345678901234567890123", "true", "false", "null"));
    }

    /** Around the 256 KB a body may have (spring.codec.max-in-memory-size): beyond it a 413, answered mid-upload. */
    private static Arbitrary<byte[]> large() {
        return Arbitraries.integers().between(200_000, 600_000).map(size -> ("{\"company\":{\"name\":\""
                + "x".repeat(size) + "\"}}").getBytes(StandardCharsets.UTF_8));
    }

    private static Arbitrary<String> deep() {
        return Arbitraries.integers().between(1, 3_000).map(depth -> "{\"company\":".repeat(depth) + "{}" + "}".repeat(depth));
    }

    /** A record's name and field names, an enum's symbols. */
    private static void collect(Schema named) {
        if (named.getType() == Schema.Type.RECORD) {
            NAMES.add(named.getName());
            SYMBOLS.add(named.getName());
            named.getFields().forEach(field -> NAMES.add(field.name()));
        } else if (named.getType() == Schema.Type.ENUM) {
            SYMBOLS.addAll(named.getEnumSymbols());
        }
    }

    private static String quoted(String text) {
        return JSON.writeValueAsString(text);
    }
}
