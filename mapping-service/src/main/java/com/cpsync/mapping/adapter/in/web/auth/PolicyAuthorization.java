package com.cpsync.mapping.adapter.in.web.auth;

import com.cpsync.mapping.domain.access.ServiceAccessPolicy;
import reactor.core.publisher.Mono;

import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.authorization.ReactiveAuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.server.authorization.AuthorizationContext;

/** Spring Security's question "may this request pass?" answered by {@link ServiceAccessPolicy}. */
public final class PolicyAuthorization implements ReactiveAuthorizationManager<AuthorizationContext> {

    @Override
    public Mono<AuthorizationResult> authorize(Mono<Authentication> authentication, AuthorizationContext context) {
        ServerHttpRequest request = context.getExchange().getRequest();
        String method = request.getMethod().name();
        String path = request.getPath().pathWithinApplication().value();
        if (ServiceAccessPolicy.isOpen(method, path)) {
            return Mono.just(new AuthorizationDecision(true));
        }
        // the caller is the subject of a JWT verified against that caller's own key (ServiceTokenVerification)
        return authentication.filter(JwtAuthenticationToken.class::isInstance).filter(Authentication::isAuthenticated)
                .map(caller -> (AuthorizationResult) new AuthorizationDecision(
                        ServiceAccessPolicy.allows(caller.getName(), method, path)))
                .defaultIfEmpty(new AuthorizationDecision(false));
    }
}
