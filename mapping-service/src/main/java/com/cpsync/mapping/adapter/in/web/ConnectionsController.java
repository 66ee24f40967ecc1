package com.cpsync.mapping.adapter.in.web;

import java.util.List;

import com.cpsync.mapping.application.AccessToken;
import com.cpsync.mapping.application.ConnectToQbo;
import com.cpsync.mapping.application.ConnectionView;
import com.cpsync.mapping.application.IssueAccessToken;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ConnectionsController {

    record ConnectionJson(String tenantId, String realmId, String status, String accessTokenExpiresAt) {
        static ConnectionJson of(ConnectionView view) {
            return new ConnectionJson(view.tenantId(), view.realmId(), view.status().name(),
                    view.accessTokenExpiresAt() == null ? null : view.accessTokenExpiresAt().toString());
        }
    }

    /** Holds a token QBO rejected: still a live secret until refreshed, so {@link #toString()} hides it. */
    record AccessTokenRequest(String rejectedAccessToken) {
        @Override
        public String toString() {
            return "AccessTokenRequest[rejectedAccessToken=" + (rejectedAccessToken == null ? null : "***") + "]";
        }
    }

    record AccessTokenJson(String realmId, String accessToken, String expiresAt) {
        static AccessTokenJson of(AccessToken token) {
            return new AccessTokenJson(token.realmId(), token.accessToken(), token.expiresAt().toString());
        }

        @Override
        public String toString() {
            return "AccessTokenJson[realmId=" + realmId + ", expiresAt=" + expiresAt + "]";
        }
    }

    private final ConnectToQbo connections;
    private final IssueAccessToken accessTokens;

    ConnectionsController(ConnectToQbo connections, IssueAccessToken accessTokens) {
        this.connections = connections;
        this.accessTokens = accessTokens;
    }

    @GetMapping("/tenants/{tenantId}/connection/authorize")
    Mono<ResponseEntity<Void>> authorize(@PathVariable String tenantId,
                                         @RequestParam(required = false) String realmId) {
        return Blocking.call(() -> ResponseEntity.status(HttpStatus.FOUND)
                .location(connections.authorizeUrl(tenantId, realmId)).build());
    }

    @GetMapping("/oauth/callback")
    Mono<ConnectionJson> callback(@RequestParam(required = false) String code,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String realmId,
                                  @RequestParam(required = false) String error) {
        return Blocking.call(() -> ConnectionJson.of(connections.completeAuthorization(code, state, realmId, error)));
    }

    @GetMapping("/tenants/{tenantId}/connection")
    Mono<ConnectionJson> byTenant(@PathVariable String tenantId) {
        return Blocking.call(() -> ConnectionJson.of(connections.byTenant(tenantId)));
    }

    @GetMapping("/realms/{realmId}/connection")
    Mono<ConnectionJson> byRealm(@PathVariable String realmId) {
        return Blocking.call(() -> ConnectionJson.of(connections.byRealm(realmId)));
    }

    @GetMapping("/connections")
    Mono<List<ConnectionJson>> connected() {
        return Blocking.call(() -> connections.connected().stream().map(ConnectionJson::of).toList());
    }

    @DeleteMapping("/tenants/{tenantId}/connection")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    Mono<Void> disconnect(@PathVariable String tenantId) {
        return Blocking.run(() -> connections.disconnect(tenantId));
    }

    @PostMapping("/tenants/{tenantId}/connection/access-token")
    Mono<AccessTokenJson> accessToken(@PathVariable String tenantId,
                                      @RequestBody(required = false) AccessTokenRequest body) {
        String rejected = body == null ? null : body.rejectedAccessToken();
        return Blocking.call(() -> AccessTokenJson.of(accessTokens.accessToken(tenantId, rejected)));
    }
}
