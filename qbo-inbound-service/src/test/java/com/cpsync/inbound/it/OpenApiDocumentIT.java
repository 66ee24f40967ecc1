package com.cpsync.inbound.it;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.http.MediaType;

import com.cpsync.inbound.adapter.in.web.QuickBooksWebhookHandler;
import com.cpsync.testsupport.CheckedInApiDocument;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document of the webhook ingress is the one checked in, so a changed endpoint cannot go unnoticed.
 * Shares the other inbound ITs' context.
 */
class OpenApiDocumentIT extends InboundItBase {

    @Test
    void shouldServeTheCheckedInOpenApiDocument() {
        // the first document is built on demand: give a busy build machine time
        String served = http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/v3/api-docs")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        CheckedInApiDocument.assertServedEqualsCheckedIn(served, "qbo-inbound-service");
    }

    @Test
    void shouldServeTheDocumentedWebhookRoute() {
        // the operation is described by hand (a functional route): it must be the route the service answers on
        String served = http.get().uri("/v3/api-docs").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(served).contains("\"" + QuickBooksWebhookHandler.PATH + "\"");

        http.post().uri(QuickBooksWebhookHandler.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isUnauthorized();
    }
}
