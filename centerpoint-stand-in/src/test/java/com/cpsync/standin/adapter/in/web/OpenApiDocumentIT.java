package com.cpsync.standin.adapter.in.web;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.cpsync.schemas.Topics;
import com.cpsync.testsupport.CheckedInApiDocument;

/** The OpenAPI document the stand-in serves is the one checked in, so a changed endpoint cannot go unnoticed. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "app.sandbox-url=http://localhost:1", "app.mapping-url=http://localhost:1"})
@AutoConfigureWebTestClient
@EmbeddedKafka(partitions = 1, topics = {Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES})
class OpenApiDocumentIT {

    @Autowired
    WebTestClient http;

    @Test
    void shouldServeTheCheckedInOpenApiDocument() {
        // the first document is built on demand: give a busy build machine time
        String served = http.mutate().responseTimeout(Duration.ofSeconds(60)).build().get().uri("/v3/api-docs")
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        CheckedInApiDocument.assertServedEqualsCheckedIn(served, "centerpoint-stand-in");
    }
}
