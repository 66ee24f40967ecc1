package com.cpsync.mapping.adapter.in.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** WebFlux codecs log decoded and encoded bodies by their toString at DEBUG: token values must not show. */
class ConnectionsJsonTest {

    @Test
    void shouldHideTheRejectedAccessTokenWhenTheRequestIsPrinted() {
        var request = new ConnectionsController.AccessTokenRequest("eyJsecret-rejected");

        assertThat(request.toString()).doesNotContain("eyJsecret-rejected").contains("***");
        assertThat(new ConnectionsController.AccessTokenRequest(null).toString()).contains("null");
    }

    @Test
    void shouldHideTheAccessTokenWhenTheResponseIsPrinted() {
        var response = new ConnectionsController.AccessTokenJson("realm-1", "eyJsecret-issued", "2026-11-26T04:00:00Z");

        assertThat(response.toString()).doesNotContain("eyJsecret-issued").contains("realm-1");
    }
}
