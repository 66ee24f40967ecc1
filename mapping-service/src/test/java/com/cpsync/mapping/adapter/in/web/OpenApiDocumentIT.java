package com.cpsync.mapping.adapter.in.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.cpsync.testsupport.CheckedInApiDocument;

/** The OpenAPI document mapping-service serves is the one checked in, so a changed endpoint cannot go unnoticed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void shouldServeTheCheckedInOpenApiDocument() {
        CheckedInApiDocument.assertServesCheckedIn(port, "mapping-service");
    }
}
