package com.cpsync.testsupport.apps;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import com.cpsync.testsupport.AdjustableClock;
import com.cpsync.testsupport.auth.TestServiceKeys;

/**
 * The real qbo-sandbox and mapping-service (with its embedded PostgreSQL) in this JVM, mapping-service's
 * OAuth pointed at the sandbox, plus what tests do with them as a user, a bookkeeper or an operator
 * would. Started by {@link StartInProcessPeers}; one per test run.
 */
public final class InProcessPeers implements AutoCloseable {

    /**
     * Spring Boot's security auto-configurations, both web stacks (a class that is absent is simply not excluded).
     * A constant expression: test classes use {@link #NO_DATABASE} in annotations.
     */
    private static final String SECURITY_AUTOCONFIG = "org.springframework.boot.security.autoconfigure."
            + "SecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.reactive."
            + "ReactiveManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration,"
            + "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.reactive."
            + "ReactiveOAuth2ResourceServerAutoConfiguration,"
            + "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet."
            + "OAuth2ResourceServerAutoConfiguration";

    /**
     * mapping-service's JDBC, Flyway and Spring Security jars may be on the test classpath; the sandbox has no
     * database, and neither it nor a sync service guards its endpoints with Spring Security (only mapping-service
     * does, in its own configuration).
     */
    public static final String NO_DATABASE = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration,"
            + SECURITY_AUTOCONFIG;
    /** The callers the tests play: a sync service for data and tokens, Centerpoint for connecting. */
    private static final String SYNC_SERVICE = "cp-outbound-service";
    private static final String CENTERPOINT = "centerpoint-stand-in";
    /** The sandbox's OAuth client, mapping-service's local default. */
    private static final String CLIENT = "local-client-id:local-client-secret";

    private static InProcessPeers running;

    /** The sandbox's clock (token expiry, rate and outage windows): tests move it, never wait on it. */
    private final AdjustableClock sandboxClock = new AdjustableClock();
    private final JsonHttp http = new JsonHttp();
    private final InProcessApp sandbox;
    private final InProcessApp mapping;

    private InProcessPeers(StartInProcessPeers spec) {
        List<String> sandboxArguments = new ArrayList<>(List.of("--spring.application.name=qbo-sandbox",
                "--spring.main.web-application-type=reactive",
                "--spring.autoconfigure.exclude=" + NO_DATABASE));
        for (String property : spec.sandboxProperties()) {
            sandboxArguments.add("--" + property);
        }
        sandbox = InProcessApp.start(spec.sandbox(), Map.of("sandboxClock", sandboxClock),
                sandboxArguments.toArray(String[]::new));
        // a WebFlux app, also beside a servlet app under test (ops-console) whose classpath has Spring MVC
        List<String> mappingArguments = new ArrayList<>(List.of("--spring.main.web-application-type=reactive",
                "--app.qbo.authorize-url=" + sandbox.url() + "/connect/oauth2",
                "--app.qbo.token-url=" + sandbox.url() + "/oauth2/v1/tokens/bearer"));
        mappingArguments.addAll(List.of(TestServiceKeys.mappingServiceArguments()));
        mapping = spec.mappingService() == void.class ? null : InProcessApp.start(spec.mappingService(),
                mappingArguments.toArray(String[]::new));
        TestServiceKeys.offerToServicesUnderTest();
    }

    static synchronized InProcessPeers start(StartInProcessPeers spec) {
        if (running == null) {
            running = new InProcessPeers(spec);
        }
        return running;
    }

    /** The peers of this test run; the test class (or its base) carries {@link StartInProcessPeers}. */
    public static synchronized InProcessPeers running() {
        if (running == null) {
            throw new IllegalStateException("no peers running: annotate the test class with @StartInProcessPeers");
        }
        return running;
    }

    @Override
    public void close() {
        synchronized (InProcessPeers.class) {
            if (mapping != null) {
                mapping.close();
            }
            sandbox.close();
            running = null;
        }
    }

    public String sandboxUrl() {
        return sandbox.url();
    }

    public String mappingUrl() {
        if (mapping == null) {
            throw new IllegalStateException("mapping-service was not started: name it in @StartInProcessPeers");
        }
        return mapping.url();
    }

    public AdjustableClock sandboxClock() {
        return sandboxClock;
    }

    /** Moves QBO's time forward, e.g. past an outage window. */
    public void advanceSandboxClock(Duration amount) {
        sandboxClock.advance(amount);
    }

    /** Connects the tenant to the realm (created if new) through mapping-service's real OAuth flow. */
    public void connect(String tenantId, String realmId) {
        // hop by hop, as Centerpoint does: only mapping-service's authorize sees Centerpoint's credential
        String consent = http.redirectOf(mappingUrl() + "/tenants/" + tenantId + "/connection/authorize?realmId="
                + realmId, TestServiceKeys.bearer(CENTERPOINT));
        JsonNode connected = http.send("GET", http.redirectOf(consent, null), null, null);
        if (!"CONNECTED".equals(connected.path("status").asString())) {
            throw new IllegalStateException("connection failed: " + connected);
        }
    }

    /** Disconnects the tenant as Centerpoint does (a user's act). */
    public void disconnect(String tenantId) {
        http.send("DELETE", mappingUrl() + "/tenants/" + tenantId + "/connection", null,
                TestServiceKeys.bearer(CENTERPOINT));
    }

    // ---- the sandbox as an operator sees it (admin conveniences, docs/contracts.md)

    /** Sets the realm's fault knobs: JSON text such as {@code {"outageSeconds":300}}, or a map. */
    public void setFaults(String realmId, Object faults) {
        sandbox("PUT", "/admin/realms/" + realmId + "/faults", faults);
    }

    /** The realm's API calls as the sandbox counted them: {@code requests}, {@code byStatus}, … */
    public JsonNode stats(String realmId) {
        return sandbox("GET", "/admin/realms/" + realmId + "/stats", null);
    }

    public List<JsonNode> entities(String realmId, String entity) {
        List<JsonNode> all = new ArrayList<>();
        sandbox("GET", "/admin/realms/" + realmId + "/entities/" + entity, null).forEach(all::add);
        return all;
    }

    /** A token for the realm from the sandbox's admin convenience, as a user's own app would hold. */
    public String sandboxAccessToken(String realmId) {
        return sandbox("POST", "/admin/realms/" + realmId + "/tokens", null).path("access_token").asString();
    }

    /** Creates an entity directly in QBO, as a bookkeeper would. */
    public JsonNode createInQbo(String realmId, String entity, String body) {
        return createInQbo(realmId, entity, body, null);
    }

    /** The same, sent with a {@code requestid} (QBO answers a repeated requestid with the first response). */
    public JsonNode createInQbo(String realmId, String entity, String body, String requestId) {
        return http.send("POST", sandboxUrl() + "/v3/company/" + realmId + "/" + entity.toLowerCase()
                + "?minorversion=75" + (requestId == null ? "" : "&requestid=" + requestId), body,
                "Bearer " + sandboxAccessToken(realmId)).path(entity);
    }

    /** Revokes an access or refresh token at QBO, authenticated as the OAuth client mapping-service uses. */
    public void revokeToken(String token) {
        http.send("POST", sandboxUrl() + "/v2/oauth2/tokens/revoke", http.body(Map.of("token", token)),
                "Basic " + Base64.getEncoder().encodeToString(CLIENT.getBytes(StandardCharsets.UTF_8)));
    }

    // ---- mapping-service's API (docs/contracts.md)

    /** The access token mapping-service holds for the tenant (the one a service is handed). */
    public String currentAccessToken(String tenantId) {
        return mapping("POST", "/tenants/" + tenantId + "/connection/access-token", "{}")
                .path("accessToken").asString();
    }

    public JsonNode link(String tenantId, String entityType, String centerpointId) {
        return mapping("GET", "/tenants/" + tenantId + "/links/" + entityType + "/" + centerpointId, null);
    }

    // ---- any other call

    /**
     * A call of the sandbox that must succeed (2xx).
     *
     * @param body JSON text, a value Jackson writes as JSON (a map), or null for none
     */
    public JsonNode sandbox(String method, String path, Object body) {
        return http.send(method, sandboxUrl() + path, http.body(body), null);
    }

    /**
     * A call of mapping-service that must succeed (2xx), made as a sync service (cp-outbound-service's rights);
     * the body as for {@link #sandbox}.
     */
    public JsonNode mapping(String method, String path, Object body) {
        return http.send(method, mappingUrl() + path, http.body(body), TestServiceKeys.bearer(SYNC_SERVICE));
    }

    /** mapping-service's answer to a GET made as a sync service, empty when it answers 404. */
    public Optional<JsonNode> findInMapping(String path) {
        JsonHttp.Reply reply = http.call("GET", mappingUrl() + path, null, TestServiceKeys.bearer(SYNC_SERVICE));
        if (reply.status() == 404) {
            return Optional.empty();
        }
        if (!reply.ok()) {
            throw new IllegalStateException("GET " + path + " → " + reply.status() + " " + reply.body());
        }
        return Optional.of(reply.body());
    }
}
