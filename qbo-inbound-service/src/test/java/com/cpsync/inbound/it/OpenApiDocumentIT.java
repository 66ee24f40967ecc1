package com.cpsync.inbound.it;

import java.io.File;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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
        CheckedInApiDocument.assertServesCheckedIn(port, "qbo-inbound-service");
    }

    @Test
    void shouldDocumentTheWebhookRouteTheServiceAnswersOn() {
        // the operation is described by hand (a functional route): it must be the route that answers
        JsonNode document = JsonMapper.shared().readTree(new File("../docs/openapi/qbo-inbound-service.json"));
        assertThat(document.path("paths").path(QuickBooksWebhookHandler.PATH).has("post")).isTrue();

        http.post().uri(QuickBooksWebhookHandler.PATH).contentType(MediaType.APPLICATION_JSON).bodyValue("[]")
                .exchange().expectStatus().isUnauthorized();
    }
}
