package com.cpsync.mapping.config;

import java.util.Map;
import java.util.TreeMap;

import com.cpsync.mapping.adapter.in.web.auth.AuthRefusals;
import com.cpsync.mapping.adapter.in.web.auth.CallerTokenVerification;
import com.cpsync.mapping.adapter.in.web.auth.PolicyAuthorization;
import com.cpsync.mapping.domain.access.ServiceAccessPolicy;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;

/**
 * Every call needs the calling service's JWT (OAuth2 resource server, one key per caller) and is then allowed or
 * refused by {@link ServiceAccessPolicy}; docs/security.md says why. Stateless: no session, no saved request,
 * no CSRF token (no browser holds a credential for this API; the OAuth callback is guarded by its state).
 */
@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
public class ServiceAuthConfig {

    private static final Logger log = LoggerFactory.getLogger(ServiceAuthConfig.class);

    @Bean
    SecurityWebFilterChain serviceAuthentication(ServerHttpSecurity http, ServiceAuthProperties properties,
                                                 MeterRegistry meters) {
        AuthRefusals refusals = new AuthRefusals(meters);
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .authorizeExchange(exchanges -> exchanges.anyExchange().access(new PolicyAuthorization()))
                .oauth2ResourceServer(server -> server
                        .authenticationManagerResolver(CallerTokenVerification.resolver(callerKeys(properties),
                                properties.maxTokenLifetime()))
                        .authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                .exceptionHandling(handling -> handling.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .build();
    }

    /** The callers that have a key; the others are named in the log, since each of their calls will be a 401. */
    private static Map<String, String> callerKeys(ServiceAuthProperties properties) {
        Map<String, String> keys = new TreeMap<>();
        properties.callers().forEach((caller, key) -> {
            if (key != null && !key.isBlank()) {
                keys.put(caller, key);
            }
        });
        for (String caller : ServiceAccessPolicy.KNOWN_CALLERS) {
            if (!keys.containsKey(caller)) {
                log.warn("No public key for {} (app.service-auth.callers[{}]): each of its calls will be refused",
                        caller, caller);
            }
        }
        keys.keySet().stream().filter(caller -> !ServiceAccessPolicy.KNOWN_CALLERS.contains(caller)).forEach(caller ->
                log.warn("{} has a key but no rights in ServiceAccessPolicy: each of its calls will be refused", caller));
        log.info("Service authentication: accepting JWTs of {}", keys.keySet());
        return keys;
    }
}
