package com.cpsync.mapping.adapter.in.web.auth;

import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

/**
 * Both refusals: 401 (no credential, or one that does not verify) and 403 (a known caller outside its rights).
 * Each is counted as {@code service_auth_refused_total{reason,caller}} and logged with the endpoint and the reason,
 * never with the credential. A 401's caller is {@code unknown}: an unverified token's claims are not evidence.
 */
public final class AuthRefusals implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

    static final String METRIC = "service.auth.refused";
    static final String UNKNOWN_CALLER = "unknown";

    private static final Logger log = LoggerFactory.getLogger(AuthRefusals.class);

    private final MeterRegistry meters;

    public AuthRefusals(MeterRegistry meters) {
        this.meters = meters;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException refusal) {
        String reason = refusal instanceof AuthenticationCredentialsNotFoundException ? "missing" : "invalid";
        ServerHttpRequest request = exchange.getRequest();
        log.warn("Refused {} {}: {} credential ({})", request.getMethod(), request.getPath(), reason,
                refusal.getMessage());
        count(reason, UNKNOWN_CALLER);
        exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(exchange.getResponse(), HttpStatus.UNAUTHORIZED, "unauthorized", "missing".equals(reason)
                ? "this endpoint needs the calling service's JWT (Authorization: Bearer …)"
                : "the credential was not accepted: " + refusal.getMessage());
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
        ServerHttpRequest request = exchange.getRequest();
        return exchange.getPrincipal().map(principal -> principal.getName()).defaultIfEmpty(UNKNOWN_CALLER)
                .flatMap(caller -> {
                    log.warn("Refused {} {}: caller {} is not allowed to", request.getMethod(), request.getPath(),
                            caller);
                    count("not_allowed", caller);
                    return write(exchange.getResponse(), HttpStatus.FORBIDDEN, "forbidden",
                            caller + " may not call " + request.getMethod() + " " + request.getPath());
                });
    }

    private void count(String reason, String caller) {
        Counter.builder(METRIC).description("Calls refused by service-to-service authentication")
                .tag("reason", reason).tag("caller", caller).register(meters).increment();
    }

    /** The same error shape as every other answer of this API (ApiErrorHandler). */
    private static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String code, String message) {
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        byte[] json = JsonMapper.shared().writeValueAsBytes(Map.of("error", code, "message", message));
        return response.writeWith(Mono.just(response.bufferFactory().wrap(json)));
    }
}
