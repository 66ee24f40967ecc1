package com.cpsync.sandbox.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cpsync.sandbox.domain.faults.Admission;
import com.cpsync.sandbox.domain.faults.CallKind;
import com.cpsync.sandbox.domain.oauth.OAuthTokens;
import com.cpsync.sandbox.engine.Realm;
import com.cpsync.sandbox.engine.RealmRegistry;
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
 * limits (429), the injected faults the realm decides on (outage, random 5xx, latency, late or lost
 * replies) and the per-realm stats.
 */
@Component
@Order(-100)
record QboGatewayFilter(RealmRegistry realms, OAuthTokens tokens, Clock clock) implements WebFilter {

    static final String REALM_ATTRIBUTE = "qboSandbox.realm";
    private static final Pattern V3 = Pattern.compile("^/v3/company/([^/]+)(/.*)?$");

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        exchange.getResponse().getHeaders().set("intuit_tid", "1-" + UUID.randomUUID().toString().replace("-", ""));
        Matcher m = V3.matcher(exchange.getRequest().getPath().pathWithinApplication().value());
        if (!m.matches()) {
            return chain.filter(exchange);
        }
        String realmId = m.group(1);
        CallKind kind = kind(exchange.getRequest().getMethod(), m.group(2) == null ? "" : m.group(2));
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
        Admission admission = realm.get().faults().admit(clock.instant(), kind);
        if (admission instanceof Admission.Refused refused) {
            return refuse(exchange, realm.get(), kind, refused);
        }
        return proceed(exchange, chain, realm.get(), kind, (Admission.Admitted) admission);
    }

    private Mono<Void> proceed(ServerWebExchange exchange, WebFilterChain chain, Realm realm, CallKind kind,
                               Admission.Admitted admitted) {
        FaultyReply reply = new FaultyReply(exchange.getResponse(), admitted.reply(),
                () -> realm.stats().recordReplyFault(admitted.reply()), () -> realm.stats().recordUnanswered(kind));
        ServerWebExchange handled = exchange.mutate().response(reply).build();
        handled.getAttributes().put(REALM_ATTRIBUTE, realm);
        // counted before the response is sent, so a client that reads the stats next sees this request
        exchange.getResponse().beforeCommit(() -> {
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (!reply.closed()) {
                realm.stats().record(kind, status == null ? 200 : status.value());
            }
            return Mono.empty();
        });
        Mono<Void> handle = chain.filter(handled);
        return admitted.latencyMs() > 0 ? Mono.delay(Duration.ofMillis(admitted.latencyMs())).then(handle) : handle;
    }

    private Mono<Void> refuse(ServerWebExchange exchange, Realm realm, CallKind kind, Admission.Refused refused) {
        realm.stats().record(kind, refused.status());
        if (refused.retryAfterSeconds() != null) {
            exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, String.valueOf(refused.retryAfterSeconds()));
        }
        if (refused.reason() != Admission.Reason.THROTTLED) {
            return write(exchange, refused.status(), MediaType.APPLICATION_JSON,
                    FaultBodies.serverError(refused.status(), realm.now()));
        }
        return refused.xmlBody()
                ? write(exchange, 429, MediaType.APPLICATION_XML, FaultBodies.throttleXml())
                : write(exchange, 429, MediaType.APPLICATION_JSON, FaultBodies.throttleJson(realm.now()));
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
    private static CallKind kind(HttpMethod method, String rest) {
        if (rest.startsWith("/query") || rest.startsWith("/cdc")) {
            return CallKind.READ;
        }
        if (rest.startsWith("/batch")) {
            return CallKind.BATCH;
        }
        return HttpMethod.GET.equals(method) ? CallKind.READ : CallKind.WRITE;
    }
}
