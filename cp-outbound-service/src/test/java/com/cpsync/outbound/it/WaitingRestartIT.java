package com.cpsync.outbound.it;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

import com.cpsync.outbound.CpOutboundServiceApplication;
import com.cpsync.outbound.adapter.in.kafka.CenterpointEventsKafkaListener;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A restart while records wait for their tenant's connection: the shared service stops consuming (its
 * consumer leaves the group) and a fresh application context, on the same broker and group, takes over.
 * It loses none of the waiting records, and its scan of the waiting topic keeps a new event of the tenant
 * behind them even though the tenant has connected by then.
 */
class WaitingRestartIT extends OutboundItBase {

    private static WaitingItClients clients;

    @Autowired
    private KafkaListenerEndpointRegistry registry;

    @BeforeEach
    void startClients() {
        if (clients == null) {
            clients = new WaitingItClients(brokers);
        }
    }

    @AfterAll
    static void closeWaitingClients() {
        if (clients != null) {
            clients.close();
            clients = null;
        }
    }

    @Test
    void shouldLoseNoWaitingRecordWhenTheServiceRestarts() throws Exception {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED), false);
        String created = clients.publish(t.id(), new CompanyCreated(company("c1", "Patient Ltd"))).eventId();
        WaitingItClients.Published project = clients.publish(t.id(),
                new ProjectCreated(new Project("p1", "c1", "Kitchen", null)));
        awaitResults(created, SyncResult.WAITING_FOR_CONNECTION);
        awaitResults(project.eventId(), SyncResult.WAITING_FOR_CONNECTION);
        MessageListenerContainer shared = registry.getListenerContainer(CenterpointEventsKafkaListener.ID);
        // the events are on the waiting topic and their offsets committed: the restart does not replay them
        await().atMost(WAIT).untilAsserted(() -> assertThat(clients.committed(shared.getGroupId(),
                project.partition())).isGreaterThan(project.offset()));

        shared.stop();
        try (ConfigurableApplicationContext restarted = restartedService()) {
            apps().connect(t.id(), t.realm());
            // handled before the held create, this update would create the customer and the create rename it back
            String renamed = clients.publish(t.id(), new CompanyUpdated(company("c1", "Patient Holdings Ltd")))
                    .eventId();

            awaitResults(created, SyncResult.WAITING_FOR_CONNECTION, SyncResult.SYNCED);
            awaitResults(project.eventId(), SyncResult.WAITING_FOR_CONNECTION, SyncResult.SYNCED);
            await().atMost(WAIT).untilAsserted(() -> assertThat(clients.resultsOf(renamed))
                    .endsWith(SyncResult.SYNCED).containsOnlyOnce(SyncResult.SYNCED));
            assertThat(List.of(created, project.eventId(), renamed)).extracting(id -> synced(id).getOccurredAt())
                    .as("in the order they came").isSorted();
            assertThat(apps().entities(t.realm(), "Customer")).extracting(c -> c.path("DisplayName").asString())
                    .containsExactlyInAnyOrder("Patient Holdings Ltd", "Kitchen");
        }
        finally {
            shared.start();
        }
    }

    private SyncOutcome synced(String eventId) {
        return clients.outcomesOf(eventId).stream().filter(o -> o.getResult() == SyncResult.SYNCED).findFirst()
                .orElseThrow();
    }

    private void awaitResults(String eventId, SyncResult... results) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(clients.resultsOf(eventId)).containsExactly(results));
    }

    /** The same service as the shared context, a new instance (command-line arguments outrank its defaults). */
    private ConfigurableApplicationContext restartedService() {
        return new SpringApplicationBuilder(CpOutboundServiceApplication.class).run(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.autoconfigure.exclude=" + ItProperties.JDBC_AUTOCONFIG,
                "--app.qbo.base-url=" + apps().sandboxUrl,
                "--app.mapping.base-url=" + apps().mappingUrl,
                "--app.work.disconnected-poll=1s",
                "--app.qbo.request-timeout=10s");
    }
}
