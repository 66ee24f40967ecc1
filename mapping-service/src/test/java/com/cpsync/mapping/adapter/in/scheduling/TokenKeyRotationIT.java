package com.cpsync.mapping.adapter.in.scheduling;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cpsync.mapping.MappingServiceApplication;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.testsupport.apps.InProcessPeers;
import com.cpsync.testsupport.apps.StartInProcessPeers;
import com.cpsync.testsupport.auth.TestServiceKeys;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.http.client.ReactorResourceFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 9: the token-encryption key is rotated on a database that outlives the service. Tenants connect under the
 * single legacy key A; mapping-service restarts with A and B, B current, and its scheduled job re-encrypts every row;
 * every connection still hands out a working token and refreshes; then with only B configured it still does. Only B
 * while a row still names A refuses to start.
 */
@StartInProcessPeers(sandbox = QboSandboxApplication.class)
class TokenKeyRotationIT {

    private static final String KEY_A = Base64.getEncoder().encodeToString(TokenCipher.randomKey());
    private static final String KEY_B = Base64.getEncoder().encodeToString(TokenCipher.randomKey());
    private static final List<String> TENANTS = List.of("rot-1", "rot-2", "rot-3");

    private static EmbeddedPostgres postgres;

    private final JsonMapper json = JsonMapper.builder().build();

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        postgres.close();
    }

    @Test
    void shouldKeepEveryConnectionWorkingThroughARotationAndAfterTheOldKeyIsDropped() throws Exception {
        String database = newDatabase("rotation");
        Map<String, String> firstTokens = new LinkedHashMap<>();
        try (Instance mapping = start(database, "--app.token-encryption-key=" + KEY_A)) {
            for (String tenant : TENANTS) {
                connect(mapping, tenant);
                firstTokens.put(tenant, accessToken(mapping, tenant, null));
            }
            assertThat(rowsPerKey(database)).isEqualTo(Map.of("legacy", 3L));
        }

        try (Instance mapping = start(database, "--app.token-encryption-key=" + KEY_A,
                "--app.token-encryption.keys=b:" + KEY_B, "--app.token-encryption.current-key=b",
                "--app.token-encryption.rotation-interval=200ms", "--app.token-encryption.rotation-batch-size=2")) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rowsPerKey(database)).isEqualTo(Map.of("b", 3L)));
            assertThat(get(mapping, "/actuator/prometheus"))
                    .contains("mapping_token_key_rows{key_id=\"legacy\"} 0.0")
                    .contains("mapping_token_key_rows{key_id=\"b\"} 3.0");
            for (String tenant : TENANTS) {
                assertThat(accessToken(mapping, tenant, null)).as("re-encrypted token of " + tenant)
                        .isEqualTo(firstTokens.get(tenant));
                assertRefreshWorks(mapping, tenant);
            }
        }

        try (Instance mapping = start(database, "--app.token-encryption.keys=b:" + KEY_B)) {
            for (String tenant : TENANTS) {
                assertThat(qboItemStatus(tenant, accessToken(mapping, tenant, null))).isEqualTo(200);
                assertRefreshWorks(mapping, tenant);
            }
            assertThat(rowsPerKey(database)).isEqualTo(Map.of("b", 3L));
        }
    }

    @Test
    void shouldRefuseToStartWithoutAKeyAStoredRowStillNames() throws Exception {
        String database = newDatabase("refusal");
        try (Instance mapping = start(database, "--app.token-encryption-key=" + KEY_A)) {
            connect(mapping, "refuse-1");
        }

        assertThatThrownBy(() -> start(database, "--app.token-encryption.keys=b:" + KEY_B).close())
                .hasStackTraceContaining("mapping-service cannot start: stored QBO tokens are encrypted under token "
                        + "key(s) [legacy] that are not configured (1 under 'legacy'; configured: [b])")
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain(KEY_A).doesNotContain(KEY_B));
    }

    private void assertRefreshWorks(Instance mapping, String tenant) throws Exception {
        String before = accessToken(mapping, tenant, null);
        String refreshed = accessToken(mapping, tenant, before);
        assertThat(refreshed).as("refreshed token of " + tenant).isNotEqualTo(before);
        assertThat(qboItemStatus(tenant, refreshed)).isEqualTo(200);
    }

    /**
     * mapping-service in this JVM on the test's database, with its own Netty resources: closing it must not dispose the
     * global ones the in-process sandbox serves with (as CdcPollerIT does for a second instance).
     */
    private Instance start(String database, String... keyArguments) {
        String sandbox = InProcessPeers.running().sandboxUrl();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres",
                "--app.qbo.authorize-url=" + sandbox + "/connect/oauth2",
                "--app.qbo.token-url=" + sandbox + "/oauth2/v1/tokens/bearer"));
        arguments.addAll(List.of(TestServiceKeys.mappingServiceArguments()));
        arguments.addAll(List.of(keyArguments));
        return new Instance(new SpringApplicationBuilder(MappingServiceApplication.class)
                .initializers(context -> ((GenericApplicationContext) context).registerBean(ReactorResourceFactory.class,
                        () -> {
                            ReactorResourceFactory own = new ReactorResourceFactory();
                            own.setUseGlobalResources(false);
                            return own;
                        }))
                .run(arguments.toArray(String[]::new)));
    }

    private record Instance(ConfigurableApplicationContext context) implements AutoCloseable {
        String url() {
            return "http://localhost:" + context.getEnvironment().getProperty("local.server.port");
        }

        @Override
        public void close() {
            context.close();
        }
    }

    private String newDatabase(String name) throws Exception {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("create database " + name);
        }
        return name;
    }

    private Map<String, Long> rowsPerKey(String database) {
        JdbcClient jdbc = JdbcClient.create(postgres.getDatabase("postgres", database));
        Map<String, Long> rows = new LinkedHashMap<>();
        jdbc.sql("select token_key_id, count(*) as n from connections where token_key_id is not null "
                + "group by token_key_id").query(rs -> {
                    rows.put(rs.getString("token_key_id"), rs.getLong("n"));
                });
        return rows;
    }

    private void connect(Instance mapping, String tenant) throws Exception {
        JsonNode connected = send(mapping.url() + "/tenants/" + tenant + "/connection/authorize?realmId=realm-" + tenant,
                "GET", null, TestServiceKeys.bearer("centerpoint-stand-in"));
        assertThat(connected.path("status").asString()).isEqualTo("CONNECTED");
    }

    private String accessToken(Instance mapping, String tenant, String rejected) throws Exception {
        String body = rejected == null ? "{}" : json.writeValueAsString(Map.of("rejectedAccessToken", rejected));
        return send(mapping.url() + "/tenants/" + tenant + "/connection/access-token", "POST", body,
                TestServiceKeys.bearer("cp-outbound-service"))
                .path("accessToken").asString();
    }

    private int qboItemStatus(String tenant, String accessToken) throws Exception {
        return exchange(InProcessPeers.running().sandboxUrl() + "/v3/company/realm-" + tenant + "/item/1?minorversion=75",
                "GET", null, "Bearer " + accessToken).statusCode();
    }

    private String get(Instance mapping, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(mapping.url() + path)).header("Accept", "text/plain").build();
        return client().send(request, HttpResponse.BodyHandlers.ofString()).body();
    }

    private JsonNode send(String url, String method, String body, String authorization) throws Exception {
        HttpResponse<String> response = exchange(url, method, body, authorization);
        assertThat(response.statusCode()).as(method + " " + url + ": " + response.body()).isLessThan(300);
        return json.readTree(response.body());
    }

    private HttpResponse<String> exchange(String url, String method, String body, String authorization)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** A fresh client per call: a restarted service may get the port of the one before, whose pooled connections are dead. */
    private static HttpClient client() {
        return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS).build();
    }

    private static String stackTrace(Throwable e) {
        StringWriter out = new StringWriter();
        e.printStackTrace(new PrintWriter(out));
        return out.toString();
    }
}
