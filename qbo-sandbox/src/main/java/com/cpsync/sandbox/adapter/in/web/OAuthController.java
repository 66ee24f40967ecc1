package com.cpsync.sandbox.adapter.in.web;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.cpsync.sandbox.config.SandboxProperties;
import com.cpsync.sandbox.domain.oauth.OAuthTokens;
import com.cpsync.sandbox.engine.Json;
import com.cpsync.sandbox.engine.RealmRegistry;
import reactor.core.publisher.Mono;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** Intuit's OAuth 2.0 endpoints: an auto-approving authorize page and the token endpoint with rotating refresh tokens. */
@RestController
class OAuthController {

    private static final Duration REFRESH_HARD_EXPIRY = Duration.ofDays(5 * 365);

    private final SandboxProperties.OAuth settings;
    private final OAuthTokens tokens;
    private final RealmRegistry realms;

    OAuthController(SandboxProperties properties, OAuthTokens tokens, RealmRegistry realms) {
        this.settings = properties.oauth();
        this.tokens = tokens;
        this.realms = realms;
    }

    @GetMapping("/connect/oauth2")
    ResponseEntity<String> authorize(@RequestParam(name = "client_id", required = false) String clientId,
                                     @RequestParam(name = "response_type", required = false) String responseType,
                                     @RequestParam(name = "redirect_uri", required = false) String redirectUri,
                                     @RequestParam(required = false) String state,
                                     @RequestParam(required = false) String realmId) {
        if (!settings.clientId().equals(clientId)) {
            return error(HttpStatus.BAD_REQUEST, "invalid_client");
        }
        if (!"code".equals(responseType)) {
            return error(HttpStatus.BAD_REQUEST, "unsupported_response_type");
        }
        if (redirectUri == null || redirectUri.isBlank()) {
            return error(HttpStatus.BAD_REQUEST, "invalid_request");
        }
        String realm = realmId == null || realmId.isBlank() ? realms.newRealmId() : realmId;
        realms.ensure(realm);
        String code = tokens.issueCode(realm, redirectUri);
        String location = redirectUri + (redirectUri.contains("?") ? "&" : "?") + "code=" + encode(code)
                + (state == null ? "" : "&state=" + encode(state)) + "&realmId=" + encode(realm);
        return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(location)).build();
    }

    @PostMapping("/oauth2/v1/tokens/bearer")
    Mono<ResponseEntity<String>> token(ServerWebExchange exchange,
                                       @RequestHeader(name = "Authorization", required = false) String authorization,
                                       @RequestHeader(name = "x-include-refresh-token-hard-expires-in", required = false) String hardExpiry) {
        return exchange.getFormData().map(form -> {
            if (!clientAuthenticated(authorization)) {
                return error(HttpStatus.UNAUTHORIZED, "invalid_client");
            }
            try {
                OAuthTokens.TokenPair pair = grant(form);
                if (pair == null) {
                    return error(HttpStatus.BAD_REQUEST, "unsupported_grant_type");
                }
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                        .body(Json.write(tokenJson(pair, "true".equalsIgnoreCase(hardExpiry))));
            } catch (OAuthTokens.InvalidGrant e) {
                return error(HttpStatus.BAD_REQUEST, "invalid_grant");
            }
        });
    }

    @PostMapping("/v2/oauth2/tokens/revoke")
    Mono<ResponseEntity<String>> revoke(@RequestHeader(name = "Authorization", required = false) String authorization,
                                        @org.springframework.web.bind.annotation.RequestBody String body) {
        if (!clientAuthenticated(authorization)) {
            return Mono.just(error(HttpStatus.UNAUTHORIZED, "invalid_client"));
        }
        tokens.revoke(Json.parseObject(body).path("token").asString());
        return Mono.just(ResponseEntity.ok().build());
    }

    private OAuthTokens.TokenPair grant(MultiValueMap<String, String> form) {
        String grantType = form.getFirst("grant_type");
        if ("authorization_code".equals(grantType)) {
            return tokens.exchangeCode(form.getFirst("code"), form.getFirst("redirect_uri"));
        }
        if ("refresh_token".equals(grantType)) {
            return tokens.refresh(form.getFirst("refresh_token"));
        }
        return null;
    }

    static ObjectNode tokenJson(OAuthTokens.TokenPair pair, boolean hardExpiry) {
        ObjectNode json = Json.object();
        json.put("access_token", pair.accessToken());
        json.put("refresh_token", pair.refreshToken());
        json.put("token_type", "bearer");
        json.put("expires_in", pair.expiresIn());
        json.put("x_refresh_token_expires_in", pair.refreshExpiresIn());
        if (hardExpiry) {
            json.put("x_refresh_token_hard_expires_in", REFRESH_HARD_EXPIRY.toSeconds());
        }
        return json;
    }

    private boolean clientAuthenticated(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            return decoded.equals(settings.clientId() + ":" + settings.clientSecret());
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static ResponseEntity<String> error(HttpStatus status, String error) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
                .body(Json.write(Json.object().put("error", error)));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
