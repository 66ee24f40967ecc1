package com.cpsync.standin.adapter.in.web;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.cpsync.schemas.Topics;
import com.cpsync.testsupport.CheckedInApiDocument;

/** The OpenAPI document the stand-in serves is the one checked in, so a changed endpoint cannot go unnoticed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "app.sandbox-url=http://localhost:1", "app.mapping-url=http://localhost:1"})
@EmbeddedKafka(partitions = 1, topics = {Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES})
class OpenApiDocumentIT {

    @LocalServerPort
    int port;

    @Test
    void shouldServeTheCheckedInOpenApiDocument() {
        CheckedInApiDocument.assertServesCheckedIn(port, "centerpoint-stand-in");
    }
}
