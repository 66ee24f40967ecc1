package com.cpsync.sandbox.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import com.cpsync.sandbox.engine.Json;
import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.web.reactive.function.BodyInserters;

import static org.assertj.core.api.Assertions.assertThat;

/** Intuit's OAuth 2.0 as the sandbox plays it: code flow, rotating refresh tokens, expiring access tokens. */
class OAuthIT extends SandboxCalls {

    @Test
    void shouldHonourAPerRealmAccessTokenLifetimeAndRefuseTokensOfAnotherRealm() {
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"accessTokenTtlSeconds\":5}");
        JsonNode pair = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/tokens", null).body();
        assertThat(pair.get("expires_in").asLong()).isEqualTo(5);
        String shortLived = pair.get("access_token").asString();
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, shortLived).status()).isEqualTo(200);

        assertThat(call(HttpMethod.GET, "/v3/company/someone-else/item/1", null, null, shortLived).status()).isEqualTo(403);
        clock.advance(Duration.ofSeconds(6));
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, shortLived).status()).isEqualTo(401);
    }

    @Test
    void shouldRunTheCodeFlowWithRotatingRefreshTokensAndExpiringAccessTokens() {
        String redirect = "http://localhost/callback";
        var location = client.get().uri(b -> b.path("/connect/oauth2").queryParam("client_id", "local-client-id")
                        .queryParam("response_type", "code").queryParam("scope", "com.intuit.quickbooks.accounting")
                        .queryParam("redirect_uri", redirect).queryParam("state", "st-1").queryParam("realmId", realmId).build())
                .exchange().expectStatus().isFound().returnResult(Void.class).getResponseHeaders().getLocation();
        String q = location.getQuery();
        assertThat(q).contains("state=st-1", "realmId=" + realmId);
        String code = q.replaceAll(".*code=([^&]+).*", "$1");

        JsonNode pair = token("grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect, true).body();
        assertThat(pair.get("token_type").asString()).isEqualTo("bearer");
        assertThat(pair.get("expires_in").asLong()).isEqualTo(3600);
        assertThat(pair.get("x_refresh_token_expires_in").asLong()).isEqualTo(8726400);
        assertThat(token("grant_type=authorization_code&code=" + code + "&redirect_uri=" + redirect, true).status()).isEqualTo(400);

        String refresh = pair.get("refresh_token").asString();
        JsonNode next = token("grant_type=refresh_token&refresh_token=" + refresh, true).body();
        Reply reused = token("grant_type=refresh_token&refresh_token=" + refresh, true);
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.body().get("error").asString()).isEqualTo("invalid_grant");
        assertThat(token("grant_type=refresh_token&refresh_token=" + next.get("refresh_token").asString(), false).status()).isEqualTo(401);

        String access = next.get("access_token").asString();
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, access).status()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(61));
        Reply expired = call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, access);
        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.body().get("fault").get("error").get(0).get("code").asString()).isEqualTo("3200");
        assertThat(call(HttpMethod.GET, "/v3/company/" + realmId + "/item/1", null, null, null).status()).isEqualTo(401);
    }

    Reply token(String form, boolean rightClient) {
        String basic = Base64.getEncoder().encodeToString(
                ((rightClient ? "local-client-id" : "intruder") + ":local-client-secret").getBytes(StandardCharsets.UTF_8));
        EntityExchangeResult<String> r = client.post().uri("/oauth2/v1/tokens/bearer")
                .header(HttpHeaders.AUTHORIZATION, "Basic " + basic)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromValue(form))
                .exchange().expectBody(String.class).returnResult();
        return new Reply(r.getStatus().value(), Json.MAPPER.readTree(r.getResponseBody()), r.getResponseHeaders(), r.getResponseBody());
    }
}
