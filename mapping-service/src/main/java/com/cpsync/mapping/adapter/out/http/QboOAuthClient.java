package com.cpsync.mapping.adapter.out.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

import com.cpsync.mapping.application.port.InvalidGrantException;
import com.cpsync.mapping.application.port.QboAuthorization;
import com.cpsync.mapping.application.port.QboTokenRefresh;
import com.cpsync.mapping.application.port.TokenEndpointException;
import com.cpsync.mapping.config.QboOAuthProperties;
import com.cpsync.mapping.domain.connection.TokenPair;

import org.springframework.core.ParameterizedTypeReference;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * QBO's OAuth 2.0 endpoints: the authorize URL, and the token endpoint (form POST with HTTP Basic client
 * authentication). Blocking on purpose: a refresh is called while the per-realm refresh lock and the connection
 * row lock are held. Messages never include token values.
 */
@Component
class QboOAuthClient implements QboAuthorization, QboTokenRefresh {

    private static final ParameterizedTypeReference<Map<String, Object>> JSON_MAP = new ParameterizedTypeReference<>() {
    };

    private final QboOAuthProperties properties;
    private final Clock clock;
    private final Environment environment;
    private final RestClient http;

    QboOAuthClient(QboOAuthProperties properties, Clock clock, Environment environment) {
        this.properties = properties;
        this.clock = clock;
        this.environment = environment;
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client);
        factory.setReadTimeout(Duration.ofSeconds(15));
        this.http = RestClient.builder().requestFactory(factory).build();
    }

    @Override
    public URI authorizeUrl(String state, String realmHint) {
        UriComponentsBuilder url = UriComponentsBuilder.fromUriString(properties.authorizeUrl())
                .queryParam("client_id", "{clientId}")
                .queryParam("response_type", "code")
                .queryParam("scope", "{scope}")
                .queryParam("redirect_uri", "{redirectUri}")
                .queryParam("state", "{state}");
        Map<String, String> values = new HashMap<>(Map.of("clientId", properties.clientId(),
                "scope", properties.scope(), "redirectUri", redirectUri(), "state", state));
        if (realmHint != null && !realmHint.isBlank()) {
            url.queryParam("realmId", "{realmId}");
            values.put("realmId", realmHint);
        }
        return url.encode().buildAndExpand(values).toUri();
    }

    @Override
    public TokenPair exchangeCode(String code) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "authorization_code");
        form.add("code", code);
        form.add("redirect_uri", redirectUri());
        return call(form);
    }

    /** Configured, or this server's own callback on the port it really listens on (tests use random ports). */
    private String redirectUri() {
        if (properties.redirectUri() != null && !properties.redirectUri().isBlank()) {
            return properties.redirectUri();
        }
        return "http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8081")) + "/oauth/callback";
    }

    @Override
    public TokenPair refresh(String refreshToken) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "refresh_token");
        form.add("refresh_token", refreshToken);
        return call(form);
    }

    private TokenPair call(MultiValueMap<String, String> form) {
        Instant requestedAt = clock.instant();
        Map<String, Object> body;
        try {
            body = http.post().uri(properties.tokenUrl())
                    .header(HttpHeaders.AUTHORIZATION, basicAuth())
                    .accept(MediaType.APPLICATION_JSON)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body(form)
                    .retrieve()
                    .body(JSON_MAP);
        } catch (RestClientResponseException e) {
            String error = errorCode(e);
            if ("invalid_grant".equals(error)) {
                throw new InvalidGrantException();
            }
            throw new TokenEndpointException("token endpoint answered HTTP " + e.getStatusCode().value()
                    + (error == null ? "" : " (" + error + ")"));
        } catch (RestClientException e) {
            throw new TokenEndpointException("token endpoint unreachable: " + e.getClass().getSimpleName());
        }
        if (body == null || !(body.get("access_token") instanceof String access)
                || !(body.get("refresh_token") instanceof String refresh)) {
            throw new TokenEndpointException("token endpoint answered without an access and a refresh token");
        }
        Instant accessExpiresAt = requestedAt.plusSeconds(seconds(body.get("expires_in"), 3600));
        Instant refreshExpiresAt = requestedAt.plusSeconds(seconds(body.get("x_refresh_token_expires_in"), 8_726_400));
        return new TokenPair(access, refresh, accessExpiresAt, refreshExpiresAt);
    }

    private String basicAuth() {
        String credentials = properties.clientId() + ":" + properties.clientSecret();
        return "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
    }

    private static String errorCode(RestClientResponseException e) {
        try {
            Map<String, Object> error = e.getResponseBodyAs(JSON_MAP);
            return error != null && error.get("error") instanceof String code ? code : null;
        } catch (RuntimeException notJson) {
            return null;
        }
    }

    private static long seconds(Object value, long fallback) {
        if (value instanceof Number number) {
            return number.longValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            return Long.parseLong(text.trim());
        }
        return fallback;
    }
}
