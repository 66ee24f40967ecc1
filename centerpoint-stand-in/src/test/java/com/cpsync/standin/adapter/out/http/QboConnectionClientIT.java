package com.cpsync.standin.adapter.out.http;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.cpsync.standin.config.StandInProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The OAuth hops against HTTP stubs that answer as docs/contracts.md says mapping-service and the
 * sandbox do (the full flow against the real services is step 1 of {@code deploy/run-local --demo}).
 */
class QboConnectionClientIT {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer mapping;
    private HttpServer sandbox;
    private int callbackStatus = 200;

    @BeforeEach
    void startStubs() throws IOException {
        sandbox = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        mapping = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        sandbox.createContext("/admin/realms/", exchange -> answer(exchange, 200, "{\"created\":true}", null));
        sandbox.createContext("/connect/oauth2", exchange -> answer(exchange, 302, "",
                "http://localhost:" + mapping.getAddress().getPort() + "/oauth/callback?code=c1&state=s1&realmId=4620"));
        mapping.createContext("/tenants/", exchange -> answer(exchange, 302, "",
                "http://localhost:" + sandbox.getAddress().getPort() + "/connect/oauth2?client_id=x&state=s1&realmId=4620"));
        mapping.createContext("/oauth/callback", exchange -> answer(exchange, callbackStatus,
                callbackStatus == 200 ? "{\"tenantId\":\"acme\",\"realmId\":\"4620\",\"status\":\"CONNECTED\"}"
                        : "{\"error\":\"bad_request\",\"message\":\"unknown state\"}", null));
        sandbox.start();
        mapping.start();
    }

    @AfterEach
    void stopStubs() {
        mapping.stop(0);
        sandbox.stop(0);
    }

    private void answer(HttpExchange exchange, int status, String body, String location) throws IOException {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
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
        StandInProperties properties = new StandInProperties("http://localhost:" + mapping.getAddress().getPort(),
                "http://localhost:" + sandbox.getAddress().getPort(), Duration.ofSeconds(5));
        return new QboConnectionClient(HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build(), properties);
    }

    @Test
    void shouldCreateTheRealmThenFollowEveryHopToTheCallback() {
        String answer = client().connect("acme", "4620").block(Duration.ofSeconds(10));

        assertThat(answer).contains("\"status\":\"CONNECTED\"");
        assertThat(requests).containsExactly(
                "POST /admin/realms/4620",
                "GET /tenants/acme/connection/authorize?realmId=4620",
                "GET /connect/oauth2?client_id=x&state=s1&realmId=4620",
                "GET /oauth/callback?code=c1&state=s1&realmId=4620");
    }

    @Test
    void shouldNameTheHopThatFailed() {
        callbackStatus = 400;

        assertThatThrownBy(() -> client().connect("acme", "4620").block(Duration.ofSeconds(10)))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageContaining("mapping-service callback answered 400").hasMessageContaining("unknown state");
    }

    @Test
    void shouldReportAnUnreachableService() {
        mapping.stop(0);

        assertThatThrownBy(() -> client().connect("acme", "4620").block(Duration.ofSeconds(10)))
                .isInstanceOf(ConnectionFailedException.class)
                .hasMessageStartingWith("mapping-service authorize failed");
    }
}
