package com.cpsync.outbound.it;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import com.cpsync.outbound.adapter.in.kafka.CenterpointEventsKafkaListener;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** What operators read (DESIGN.md §6): readiness, outcome counts, consumer lag, parked tenants. */
class OperationsIT extends OutboundItBase {

    /** As {@code @EmbeddedKafka} in the base creates the events topic. */
    private static final int EVENT_PARTITIONS = 2;

    @LocalServerPort
    private int port;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void shouldReportReadinessOutcomesAndConsumerLagForOperators() throws Exception {
        Tenant t = tenant(CompaniesToQbo.NEVER);
        awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Metered Ltd"))), "c1");

        HttpResponse<String> readiness = get("/actuator/health/readiness");
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(readiness.body()).contains("outboundSync").contains("UP");

        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .contains("sync_outcomes_total{direction=\"TO_QBO\",entity=\"COMPANY\","
                        + "result=\"SKIPPED_BY_SETTINGS\"")
                .contains("kafka_consumer_fetch_manager_records_lag")
                .contains("consumer_group_lag{group=\"" + CenterpointEventsKafkaListener.ID + "\"")
                .contains("outbound_parked_tenants"));
    }

    /**
     * A parked tenant's records are read (the client's own records-lag says 0) but not committed: the
     * commit of its partition waits for them, and that is the lag operators must see.
     */
    @Test
    void shouldShowTheCommitAParkedTenantHoldsBackAsConsumerGroupLagUntilItRecovers() {
        Tenant parked = tenant(CompaniesToQbo.WHEN_CREATED);
        await("nothing held back on the tenant's partition before").atMost(WAIT)
                .until(() -> consumerGroupLag(parked) == 0);
        apps().setFaults(parked.realm(), "{\"outageSeconds\":300}");

        List<String> events = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            events.add(publish(parked, new CompanyCreated(company("l" + i, "Lagging " + i))));
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(consumerGroupLag(parked)).isGreaterThanOrEqualTo(3));
        assertThat(outcomesOf(parked, "l1")).as("held during the outage, not failed").isEmpty();

        apps().advanceSandboxClock(Duration.ofSeconds(301));

        for (int i = 0; i < events.size(); i++) {
            assertThat(awaitOutcome(parked, events.get(i), "l" + (i + 1)).getResult()).isEqualTo(SyncResult.SYNCED);
        }
        await().atMost(WAIT).until(() -> consumerGroupLag(parked) == 0);
    }

    /** The gauge of the events group on the tenant's partition (records are keyed by tenant), -1 until read. */
    private long consumerGroupLag(Tenant tenant) throws Exception {
        int partition = Utils.toPositive(Utils.murmur2(tenant.id().getBytes(StandardCharsets.UTF_8)))
                % EVENT_PARTITIONS;
        String labels = "group=\"" + CenterpointEventsKafkaListener.ID + "\",partition=\"" + partition
                + "\",topic=\"" + Topics.CENTERPOINT_EVENTS + "\"";
        Matcher gauge = Pattern.compile("^consumer_group_lag\\{" + Pattern.quote(labels) + "} (\\S+)$",
                Pattern.MULTILINE).matcher(get("/actuator/prometheus").body());
        return gauge.find() ? (long) Double.parseDouble(gauge.group(1)) : -1;
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
