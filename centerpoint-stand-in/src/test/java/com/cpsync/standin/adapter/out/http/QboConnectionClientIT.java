package com.cpsync.standin.adapter.out.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cpsync.standin.config.StandInProperties;
import com.cpsync.standin.config.StandInProperties.ConnectRetry;
import com.cpsync.syncsupport.auth.ServiceTokens;
import com.cpsync.testsupport.auth.TestServiceKeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The OAuth hops against HTTP stubs that answer as docs/contracts.md says mapping-service and the
 * sandbox do (the full flow against the real services is step 1 of {@code deploy/run-local --demo}),
 * including a mapping-service that is not up yet or answers 5xx while it starts (issue 8).
 */
class QboConnectionClientIT {

    private static final String REALM_CREATED = "POST /admin/realms/4620";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> authorizations = new ConcurrentHashMap<>();
    private final AtomicInteger authorizeFailuresLeft = new AtomicInteger();
    private HttpServer mapping;
    private HttpServer sandbox;
    private int mappingPort;
    private int callbackStatus = 200;

    @BeforeEach
    void startStubs() throws IOException {
        sandbox = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        sandbox.createContext("/admin/realms/", exchange -> answer(exchange, 200, "{\"created\":true}", null));
        sandbox.createContext("/connect/oauth2", exchange -> answer(exchange, 302, "",
                "http://localhost:" + mappingPort + "/oauth/callback?code=c1&state=s1&realmId=4620"));
        sandbox.start();
        startMapping(0);
    }

    private void startMapping(int port) throws IOException {
        mapping = HttpServer.create(new InetSocketAddress("localhost", port), 0);
        mappingPort = mapping.getAddress().getPort();
        mapping.createContext("/tenants/", exchange -> {
            if (authorizeFailuresLeft.getAndDecrement() > 0) {
                answer(exchange, 503, "{\"error\":\"unavailable\",\"message\":\"starting\"}", null);
                return;
            }
            answer(exchange, 302, "", "http://localhost:" + sandbox.getAddress().getPort()
                    + "/connect/oauth2?client_id=x&state=s1&realmId=4620");
        });
        mapping.createContext("/oauth/callback", exchange -> answer(exchange, callbackStatus,
                callbackStatus == 200 ? "{\"tenantId\":\"acme\",\"realmId\":\"4620\",\"status\":\"CONNECTED\"}"
                        : "{\"error\":\"bad_request\",\"message\":\"unknown state\"}", null));
        mapping.start();
    }

    @AfterEach
    void stopStubs() {
        mapping.stop(0);
        sandbox.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body, String location) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
        authorizations.put(exchange.getRequestURI().getPath(),
                String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
        if (location != null) {
            exchange.getResponseHeaders().add("Location", location);
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            exchange.getResponseBody().write(bytes);
        }
        exchange.close();
    }

    private QboConnectionClient client() {
        StandInProperties properties = new StandInProperties("http://localhost:" + mappingPort,
                "http://localhost:" + sandbox.getAddress().getPort(), Duration.ofSeconds(5),
                new ConnectRetry(6, Duration.ofMillis(100), Duration.ofMillis(400)));
        return new QboConnectionClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), properties,
                ServiceTokens.of("centerpoint-stand-in", TestServiceKeys.privateKey(), Clock.systemUTC()));
    }

    @Test
    void shouldCreateTheRealmThenFollowEveryHopToTheCallback() {
        String answer = client().connect("acme", "4620").block(Duration.ofSeconds(10));

        assertThat(answer).contains("\"status\":\"CONNECTED\"");
        assertThat(requests).containsExactly(
                REALM_CREATED,
                "GET /tenants/acme/connection/authorize?realmId=4620",
                "GET /connect/oauth2?client_id=x&state=s1&realmId=4620",
                "GET /oauth/callback?code=c1&state=s1&realmId=4620");
    }

    @Test
    void shouldShowItsCredentialToMappingServicesAuthorizeOnlyNeverToQboOrTheCallback() {
        client().connect("acme", "4620").block(Duration.ofSeconds(10));

        String authorize = authorizations.get("/tenants/acme/connection/authorize");
        assertThat(authorize).startsWith("Bearer ");
        assertThat(TestServiceKeys.decode(authorize.substring("Bearer ".length())).getSubject())
                .isEqualTo("centerpoint-stand-in");
        assertThat(authorizations.get("/connect/oauth2")).isEqualTo("null");
        assertThat(authorizations.get("/oauth/callback")).isEqualTo("null");
    }

    @Test
    void shouldNameTheHopThatFailedAndNotTryAnAnswerThatWillNotChange() {
        callbackStatus = 400;

        assertThatThrownBy(() -> client().connect("acme", "4620").block(Duration.ofSeconds(10)))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("mapping-service callback answered 400").hasMessageContaining("unknown state");
        assertThat(requests).filteredOn(request -> request.startsWith("GET /oauth/callback")).hasSize(1);
    }

    @Test
    void shouldConnectOnceMappingServiceListensThoughItDidNotWhenAsked() throws IOException {
        mapping.stop(0);

        CompletableFuture<String> connecting = client().connect("acme", "4620").toFuture();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> requests.stream().filter(REALM_CREATED::equals).count() >= 2);
        assertThat(connecting).isNotDone();
        startMapping(mappingPort);

        assertThat(connecting).succeedsWithin(Duration.ofSeconds(10)).asString().contains("\"status\":\"CONNECTED\"");
    }

    @Test
    void shouldTryTheWholeFlowAgainAfterA5xx() {
        authorizeFailuresLeft.set(2);

        String answer = client().connect("acme", "4620").block(Duration.ofSeconds(10));

        assertThat(answer).contains("\"status\":\"CONNECTED\"");
        assertThat(requests).filteredOn(request -> request.startsWith("GET /tenants/acme/connection/authorize")).hasSize(3);
        assertThat(requests).filteredOn(request -> request.startsWith("GET /oauth/callback")).hasSize(1);
    }

    @Test
    void shouldReportAServiceThatNeverComesUpAfterTheLastAttempt() {
        mapping.stop(0);

        assertThatThrownBy(() -> client().connect("acme", "4620").block(Duration.ofSeconds(20)))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessage("mapping-service authorize failed: connection refused (gave up after 6 attempts)");
        assertThat(requests).filteredOn(REALM_CREATED::equals).hasSize(6);
    }
}
