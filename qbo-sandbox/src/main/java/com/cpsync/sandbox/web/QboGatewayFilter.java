package com.cpsync.sandbox.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cpsync.sandbox.domain.FaultSettings;
import com.cpsync.sandbox.domain.OAuthTokens;
import com.cpsync.sandbox.domain.Realm;
import com.cpsync.sandbox.domain.RealmRegistry;
import com.cpsync.sandbox.domain.RealmStats;
import reactor.core.publisher.Mono;

import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;

/**
 * What Intuit's gateway does before the API sees a request: intuit_tid, bearer-token check, per-realm
 * limits (429), plus the injected faults (outage, random 5xx, latency) and the per-realm stats.
 */
@Component
@Order(-100)
class QboGatewayFilter implements WebFilter {

    static final String REALM_ATTRIBUTE = "qboSandbox.realm";
    private static final Pattern V3 = Pattern.compile("^/v3/company/([^/]+)(/.*)?$");

    private final RealmRegistry realms;
    private final OAuthTokens tokens;
    private final Clock clock;

    QboGatewayFilter(RealmRegistry realms, OAuthTokens tokens, Clock clock) {
        this.realms = realms;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().getHeaders().set("intuit_tid", "1-" + UUID.randomUUID().toString().replace("-", ""));
        Matcher m = V3.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
        if (!m.matches()) {
            return chain.filter(exchange);
        }
        String realmId = m.group(1);
        RealmStats.Kind kind = kind(exchange.getRequest().getMethod(), m.group(2) == null ? "" : m.group(2));
        Optional<Realm> realm = realms.find(realmId);
        Optional<String> tokenRealm = bearer(exchange).flatMap(tokens::realmOf);
        if (tokenRealm.isEmpty()) {
            realm.ifPresent(r -> r.stats().record(kind, 401));
            return write(exchange, 401, MediaType.APPLICATION_JSON, FaultBodies.gateway("AuthenticationFailed", "3200", 401,
                    "Token invalid or expired", "AUTHENTICATION"));
        }
        if (!tokenRealm.get().equals(realmId) || realm.isEmpty()) {
            realm.ifPresent(r -> r.stats().record(kind, 403));
            return write(exchange, 403, MediaType.APPLICATION_JSON, FaultBodies.gateway("AuthorizationFailed", "3100", 403,
                    "The token is not authorised for realm " + realmId, "AUTHORIZATION"));
        }
        return admit(exchange, chain, realm.get(), kind);
    }

    private Mono<Void> admit(ServerWebExchange exchange, WebFilterChain chain, Realm realm, RealmStats.Kind kind) {
        Instant now = clock.instant();
        FaultSettings faults = realm.faults();
        if (faults.inOutage(now)) {
            return reject(exchange, realm, kind, faults.errorStatus(), MediaType.APPLICATION_JSON,
                    FaultBodies.serverError(faults.errorStatus(), realm.now()), null);
        }
        Optional<Duration> wait = realm.limiter().tryAcquire(now, faults.requestsPerSecond(), faults.requestsPerMinute());
        if (wait.isEmpty() && kind == RealmStats.Kind.BATCH) {
            wait = realm.limiter().tryAcquireBatch(now, faults.batchesPerMinute());
        }
        if (wait.isPresent()) {
            return faults.throttleBodyXml()
                    ? reject(exchange, realm, kind, 429, MediaType.APPLICATION_XML, FaultBodies.throttleXml(), wait.get())
                    : reject(exchange, realm, kind, 429, MediaType.APPLICATION_JSON, FaultBodies.throttleJson(realm.now()), wait.get());
        }
        if (faults.errorRate() > 0 && ThreadLocalRandom.current().nextDouble() < faults.errorRate()) {
            return reject(exchange, realm, kind, faults.errorStatus(), MediaType.APPLICATION_JSON,
                    FaultBodies.serverError(faults.errorStatus(), realm.now()), null);
        }
        exchange.getAttributes().put(REALM_ATTRIBUTE, realm);
        // counted before the response is sent, so a client that reads the stats next sees this request
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            realm.stats().record(kind, status == null ? 200 : status.value());
            return Mono.empty();
        });
        Mono<Void> proceed = chain.filter(exchange);
        return faults.latencyMs() > 0 ? Mono.delay(Duration.ofMillis(faults.latencyMs())).then(proceed) : proceed;
    }

    private Mono<Void> reject(ServerWebExchange exchange, Realm realm, RealmStats.Kind kind, int status, MediaType type,
                              String body, Duration retryAfter) {
        realm.stats().record(kind, status);
        if (retryAfter != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER,
                    String.valueOf(Math.max(1, (retryAfter.toMillis() + 999) / 1000)));
        }
        return write(exchange, status, type, body);
    }

    static Mono<Void> write(ServerWebExchange exchange, int status, MediaType type, String body) {
        exchange.getResponse().setStatusCode(HttpStatusCode.valueOf(status));
        exchange.getResponse().getHeaders().setContentType(type);
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        return exchange.getResponse().writeWith(Mono.just(exchange.getResponse().bufferFactory().wrap(bytes)));
    }

    private static Optional<String> bearer(ServerWebExchange exchange) {
        String header = exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        return Optional.of(header.substring(7).trim());
    }

    /** Reads (entity GET, query, CDC) are what Intuit meters; writes are free. */
    private static RealmStats.Kind kind(HttpMethod method, String rest) {
        if (rest.startsWith("/query") || rest.startsWith("/cdc")) {
            return RealmStats.Kind.READ;
        }
        if (rest.startsWith("/batch")) {
            return RealmStats.Kind.BATCH;
        }
        return HttpMethod.GET.equals(method) ? RealmStats.Kind.READ : RealmStats.Kind.WRITE;
    }
}
