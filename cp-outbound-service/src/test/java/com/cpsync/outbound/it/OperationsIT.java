package com.cpsync.outbound.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators read (DESIGN.md §6): readiness, outcome counts, consumer lag, parked tenants. */
class OperationsIT extends OutboundItBase {

    @LocalServerPort
    private int port;

    @Test
    void shouldReportReadinessOutcomesAndConsumerLagForOperators() throws Exception {
        Tenant t = tenant(CompaniesToQbo.NEVER);
        awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Metered Ltd"))), "c1");
        HttpClient http = HttpClient.newHttpClient();

        HttpResponse<String> readiness = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/actuator/health/readiness")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("outboundSync").contains("UP");

        await().atMost(WAIT).untilAsserted(() -> {
            String metrics = http.send(HttpRequest.newBuilder(
                    URI.create("http://localhost:" + port + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            assertThat(metrics).contains("sync_outcomes_total{direction=\"TO_QBO\",entity=\"COMPANY\","
                    + "result=\"SKIPPED_BY_SETTINGS\"")
                    .contains("kafka_consumer_fetch_manager_records_lag")
                    .contains("outbound_parked_tenants");
        });
    }
}
