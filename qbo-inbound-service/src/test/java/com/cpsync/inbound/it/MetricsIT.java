package com.cpsync.inbound.it;

import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.inbound.adapter.in.CdcPollScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators see: Prometheus metrics, readiness, and what an inbound change costs in metered QBO reads. */
class MetricsIT extends InboundItBase {

    private static final Logger log = LoggerFactory.getLogger(MetricsIT.class);

    @Autowired
    MeterRegistry meters;

    @Autowired
    CdcPollScheduler scheduler;

    @Test
    void shouldExposeOutcomesReadsAndConsumerLagToPrometheus() {
        // an outcome of its own (every setting off: skipped), so this test needs no other to have run first
        connect("t-prom", "r-prom", settings("t-prom"));
        String id = stack.create("r-prom", "Customer", "{\"DisplayName\":\"Prometheus Paint\"}").path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes("t-prom", id)).isNotEmpty());

        await().atMost(WAIT).untilAsserted(() -> http.get().uri("/actuator/prometheus").exchange()
                .expectStatus().isOk().expectBody(String.class).value(body -> assertThat(body)
                        .contains("sync_outcomes_total{", "direction=\"FROM_QBO\"", "qbo_changes_consumed_total",
                                "kafka_consumer_fetch_manager_records_lag")));
        http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.components.syncSettings.status").isEqualTo("UP");
    }

    @Test
    void shouldMeasureQboReadCallsPerInboundChange() {
        connect("t-meter", "r-meter", settings("t-meter").setGetNewCompaniesFromQbo(true)
                .setGetCompanyChangesFromQbo(true));
        scheduler.stop();
        try {
            double reads = count("qbo_inbound_reads_total", "call", "read");
            double cdcCalls = count("qbo_inbound_reads_total", "call", "cdc");
            double consumed = count("qbo_changes_consumed_total", "entity", "Customer");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                ids.add(stack.create("r-meter", "Customer", "{\"DisplayName\":\"Meter " + i + "\"}").path("Id").asString());
            }
            await().atMost(WAIT).untilAsserted(() -> assertThat(ids)
                    .allSatisfy(id -> assertThat(commandsFor("t-meter", "Customer", id)).hasSize(1)));
            JsonNode first = stack.update("r-meter", "Customer", "{\"Id\":\"" + ids.get(0)
                    + "\",\"SyncToken\":\"0\",\"DisplayName\":\"Meter zero\"}");
            await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-meter", "Customer", ids.get(0))).hasSize(2));

            double readCalls = count("qbo_inbound_reads_total", "call", "read") - reads;
            double cdc = count("qbo_inbound_reads_total", "call", "cdc") - cdcCalls;
            double changes = count("qbo_changes_consumed_total", "entity", "Customer") - consumed;
            log.info("MEASURED: {} webhook changes (10 creates in one burst, 1 edit) cost {} reads + {} CDC calls = {} "
                    + "metered calls per change; edit SyncToken {}", changes, readCalls, cdc,
                    (readCalls + cdc) / changes, first.path("SyncToken").asString());
            assertThat(readCalls + cdc).as("metered QBO calls").isLessThanOrEqualTo(changes).isGreaterThan(0);
        }
        finally {
            scheduler.start();
        }
    }

    private double count(String name, String tag, String value) {
        Counter counter = meters.find(name).tag(tag, value).counter();
        return counter == null ? 0 : counter.count();
    }
}
