package com.cpsync.mapping.adapter.in.web;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.cpsync.mapping.adapter.in.web.auth.AuthRefusals;
import com.cpsync.testsupport.auth.TestServiceKeys;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.CENTERPOINT;
import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.CP_OUTBOUND;
import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.OPS_CONSOLE;
import static com.cpsync.mapping.domain.access.ServiceAccessPolicy.QBO_INBOUND;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9's acceptance: every internal endpoint refuses a call without a credential (401), with a credential it
 * cannot verify (401) and from a service that has no business there (403), and lets its callers through. The
 * endpoint list is written out here on purpose, apart from ServiceAccessPolicy, so a rule lost there fails here.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class ServiceAuthIT {

    private static final List<String> CALLERS = List.of(CP_OUTBOUND, QBO_INBOUND, CENTERPOINT, OPS_CONSOLE);
    private static final Set<String> SYNC_SERVICES = Set.of(CP_OUTBOUND, QBO_INBOUND);
    /** The sync services, and the console for reconciliation (issue 12: links read, QBO read at BACKLOG). */
    private static final Set<String> SYNC_SERVICES_AND_CONSOLE = Set.of(CP_OUTBOUND, QBO_INBOUND, OPS_CONSOLE);

    record Endpoint(String name, String method, String path, String body, Set<String> callers) {
        @Override
        public String toString() {
            return name + ": " + method + " " + path;
        }
    }

    static Stream<Endpoint> endpoints() {
        return Stream.of(
                new Endpoint("token", "POST", "/tenants/t-auth/connection/access-token", "{}", SYNC_SERVICES_AND_CONSOLE),
                new Endpoint("links", "PUT", "/tenants/t-auth/links/COMPANY/c1", "{\"qboId\":\"58\"}", SYNC_SERVICES),
                new Endpoint("links", "GET", "/tenants/t-auth/links/COMPANY/c1", null, SYNC_SERVICES_AND_CONSOLE),
                new Endpoint("links", "GET", "/tenants/t-auth/links/COMPANY?qboId=58", null, SYNC_SERVICES_AND_CONSOLE),
                new Endpoint("lookup", "POST", "/tenants/t-auth/links/COMPANY/lookup", "{\"centerpointIds\":[\"c1\"]}",
                        SYNC_SERVICES_AND_CONSOLE),
                new Endpoint("repoint", "POST", "/tenants/t-auth/links/COMPANY/repoint",
                        "{\"fromQboId\":\"58\",\"toQboId\":\"59\"}", Set.of(QBO_INBOUND)),
                new Endpoint("connect", "GET", "/tenants/t-auth/connection/authorize?realmId=r-auth", null,
                        Set.of(CENTERPOINT)),
                new Endpoint("disconnect", "DELETE", "/tenants/t-auth/connection", null, Set.of(CENTERPOINT)),
                new Endpoint("conflicts", "GET", "/tenants/t-auth/conflicts", null, Set.of(CENTERPOINT)),
                new Endpoint("matches", "POST", "/tenants/t-auth/customer-matches",
                        "{\"centerpointId\":\"c9\",\"displayName\":\"Acme\",\"policy\":\"HOLD\",\"candidates\":[]}",
                        Set.of(CP_OUTBOUND)),
                new Endpoint("writes", "POST", "/realms/r-auth/writes",
                        "{\"tenantId\":\"t-auth\",\"qboEntity\":\"Customer\",\"qboId\":\"58\",\"syncToken\":\"0\"}",
                        Set.of(CP_OUTBOUND)),
                new Endpoint("writes", "GET", "/realms/r-auth/writes/Customer/58", null, SYNC_SERVICES),
                new Endpoint("applied changes", "POST", "/realms/r-auth/applied-changes",
                        "{\"qboEntity\":\"Customer\",\"qboId\":\"58\",\"lastUpdated\":\"2026-11-26T09:00:00Z\"}",
                        Set.of(QBO_INBOUND)),
                new Endpoint("CDC cursor", "GET", "/realms/r-auth/cdc-cursor", null, Set.of(QBO_INBOUND)),
                new Endpoint("CDC cursor", "PUT", "/realms/r-auth/cdc-cursor",
                        "{\"changedSince\":\"2026-11-26T09:00:00Z\"}", Set.of(QBO_INBOUND)),
                new Endpoint("connection", "GET", "/tenants/t-auth/connection", null, Set.of(CP_OUTBOUND, CENTERPOINT)),
                new Endpoint("connection", "GET", "/realms/r-auth/connection", null, Set.of(QBO_INBOUND)),
                new Endpoint("connections", "GET", "/connections", null, Set.of(QBO_INBOUND, OPS_CONSOLE)));
    }

    @DynamicPropertySource
    static void callerKeys(DynamicPropertyRegistry registry) {
        ServiceCallers.trustTestKeys(registry);
    }

    @Autowired
    WebTestClient http;

    @Autowired
    MeterRegistry meters;

    @BeforeEach
    void allowForABusyMachine() {
        // a ceiling, not an expectation: the first health check (database included) took over 5 s under load
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldRefuseACallWithoutACredential(Endpoint endpoint) {
        call(http, endpoint).expectStatus().isUnauthorized()
                .expectHeader().valueEquals(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldRefuseATokenSignedByAnyoneButTheCallerItNames(Endpoint endpoint) {
        String caller = endpoint.callers().iterator().next();
        String forged = TestServiceKeys.sign(TestServiceKeys.claims(caller, Instant.now(), Duration.ofMinutes(5))
                .build(), TestServiceKeys.newKeyPair());

        call(withToken(forged), endpoint).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.error").isEqualTo("unauthorized");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldRefuseEveryServiceThatHasNoBusinessThere(Endpoint endpoint) {
        for (String caller : CALLERS) {
            if (!endpoint.callers().contains(caller)) {
                call(ServiceCallers.as(http, caller), endpoint).expectStatus().isForbidden().expectBody()
                        .jsonPath("$.error").isEqualTo("forbidden")
                        .jsonPath("$.message").isEqualTo(caller + " may not call " + endpoint.method() + " "
                                + endpoint.path().replaceFirst("\\?.*", ""));
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("endpoints")
    void shouldLetTheRightCallersThrough(Endpoint endpoint) {
        for (String caller : endpoint.callers()) {
            // what the endpoint then answers (200, 302, 404, 409 …) is MappingApiIT's business
            int status = call(ServiceCallers.as(http, caller), endpoint).returnResult(String.class).getStatus()
                    .value();
            assertThat(status).as(caller).isNotIn(401, 403).isLessThan(500);
        }
    }

    @Test
    void shouldRefuseTokensThatAreExpiredForAnotherAudienceTooLongLivedOrOfAnUnknownService() {
        Instant now = Instant.now();
        List<JwtClaimsSet> bad = List.of(
                TestServiceKeys.claims(QBO_INBOUND, now.minus(Duration.ofMinutes(10)), Duration.ofMinutes(5)).build(),
                TestServiceKeys.claims(QBO_INBOUND, now, Duration.ofMinutes(5)).audience(List.of("qbo-sandbox")).build(),
                TestServiceKeys.claims(QBO_INBOUND, now, Duration.ofMinutes(5)).subject(CP_OUTBOUND).build(),
                TestServiceKeys.claims(QBO_INBOUND, now, Duration.ofHours(12)).build(),
                TestServiceKeys.claims("someone-else", now, Duration.ofMinutes(5)).build());
        Endpoint token = endpoints().findFirst().orElseThrow();

        for (JwtClaimsSet claims : bad) {
            call(withToken(TestServiceKeys.sign(claims)), token).expectStatus().isUnauthorized();
        }
        call(withToken("not-a-jwt"), token).expectStatus().isUnauthorized();
        call(http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Basic cXVpY2s6Ym9va3M=").build(), token)
                .expectStatus().isUnauthorized();
    }

    @Test
    void shouldCountAndLogEachRefusalWithoutTheCredential() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        Logger logger = (Logger) LoggerFactory.getLogger(AuthRefusals.class);
        log.start();
        logger.addAppender(log);
        double missing = refused("missing", "unknown");
        double invalid = refused("invalid", "unknown");
        double notAllowed = refused("not_allowed", CENTERPOINT);
        String forged = TestServiceKeys.sign(TestServiceKeys.claims(QBO_INBOUND, Instant.now(), Duration.ofMinutes(5))
                .build(), TestServiceKeys.newKeyPair());
        String centerpoint = TestServiceKeys.bearer(CENTERPOINT);
        try {
            Endpoint token = endpoints().findFirst().orElseThrow();
            call(http, token).expectStatus().isUnauthorized();
            call(withToken(forged), token).expectStatus().isUnauthorized();
            call(http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, centerpoint).build(), token)
                    .expectStatus().isForbidden();
        } finally {
            logger.detachAppender(log);
        }

        assertThat(refused("missing", "unknown")).isEqualTo(missing + 1);
        assertThat(refused("invalid", "unknown")).isEqualTo(invalid + 1);
        assertThat(refused("not_allowed", CENTERPOINT)).isEqualTo(notAllowed + 1);
        assertThat(log.list).extracting(ILoggingEvent::getFormattedMessage).hasSize(3)
                .allSatisfy(line -> assertThat(line).contains("POST /tenants/t-auth/connection/access-token")
                        .doesNotContain(forged).doesNotContain(centerpoint.substring("Bearer ".length())))
                .anySatisfy(line -> assertThat(line).contains("caller centerpoint-stand-in is not allowed"));
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk().expectBody(String.class)
                .value(body -> assertThat(body).contains("service_auth_refused_total{caller=\"centerpoint-stand-in\","
                        + "reason=\"not_allowed\"}"));
    }

    @Test
    void shouldKeepProbesScrapingAndQbosBrowserRedirectOpen() {
        http.get().uri("/actuator/health").exchange().expectStatus().isOk();
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isOk();
        // the callback carries no credential (a browser follows QBO's redirect): the single-use state guards it
        http.get().uri("/oauth/callback?code=c&state=never-issued&realmId=r").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.message").isEqualTo("unknown or already used OAuth state");
    }

    private double refused(String reason, String caller) {
        Counter counter = meters.find("service.auth.refused").tag("reason", reason).tag("caller", caller).counter();
        return counter == null ? 0 : counter.count();
    }

    private WebTestClient withToken(String token) {
        return http.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, "Bearer " + token).build();
    }

    private static WebTestClient.ResponseSpec call(WebTestClient client, Endpoint endpoint) {
        WebTestClient.RequestBodySpec request = client.method(HttpMethod.valueOf(endpoint.method()))
                .uri(endpoint.path());
        if (endpoint.body() != null) {
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(endpoint.body()).exchange();
        }
        return request.exchange();
    }
}
