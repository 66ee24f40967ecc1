package com.cpsync.outbound.it;

import java.util.List;

import tools.jackson.databind.JsonNode;
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
import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.testsupport.apps.InProcessPeers;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A tenant that is not (or no longer) connected (issue 8): one WAITING_FOR_CONNECTION outcome per event,
 * its records on the waiting topic rather than in memory, its partition's commits moving on for the other
 * tenants, its events synced in order once it connects, and none of them lost when the service restarts.
 */
class WaitingForConnectionIT extends OutboundItBase {

    private static final int EVENT_PARTITIONS = 2;
    private static WaitingItClients clients;

    @Autowired
    private KafkaListenerEndpointRegistry registry;
    @Autowired
    private TenantWorkQueues<WorkItem> queues;

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
    void shouldAnswerEachEventOfATenantWithoutConnectionAndKeepCommittingItsPartitionForOthers() throws Exception {
        Tenant waiting = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED),
                false);
        Tenant healthy = connectedTenantOnThePartitionOf(waiting);
        List<String> held = List.of(
                clients.publish(waiting.id(), new CompanyCreated(company("c1", "Patient Ltd"))).eventId(),
                clients.publish(waiting.id(), new ProjectCreated(new Project("p1", "c1", "Kitchen", null))).eventId());
        WaitingItClients.Published healthyEvent = clients.publish(healthy.id(),
                new CompanyCreated(company("h1", "Healthy Ltd")));

        awaitResults(healthyEvent.eventId(), SyncResult.SYNCED);
        for (String eventId : held) {
            awaitResults(eventId, SyncResult.WAITING_FOR_CONNECTION);
        }
        String group = registry.getListenerContainer(CenterpointEventsKafkaListener.ID).getGroupId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(clients.committed(group, healthyEvent.partition()))
                .as("committed past the healthy tenant's event, beyond the waiting tenant's records")
                .isGreaterThan(healthyEvent.offset()));

        SyncOutcome waitingOutcome = outcomesOfEvent(held.get(0)).get(0);
        assertThat(waitingOutcome.getCenterpointId()).isEqualTo("c1");
        assertThat(waitingOutcome.getReason()).contains("not connected to QuickBooks Online")
                .contains("synced in order once the tenant connects");
        assertThat(outcomesOfEvent(held.get(1)).get(0).getReason()).as("behind the first")
                .contains("earlier events of tenant " + waiting.id() + " wait");
        assertThat(queues.parkedTenants()).doesNotContainKey(waiting.id());
        assertThat(held).allSatisfy(eventId -> assertThat(resultsOf(eventId)).as("once, not per cycle")
                .containsExactly(SyncResult.WAITING_FOR_CONNECTION));
    }

    @Test
    void shouldSyncTheHeldEventsInOrderOnceTheTenantConnects() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED), false);
        List<String> held = List.of(
                clients.publish(t.id(), new CompanyCreated(company("c1", "Patient Ltd"))).eventId(),
                clients.publish(t.id(), new ProjectCreated(new Project("p1", "c1", "Kitchen", null))).eventId(),
                clients.publish(t.id(), new CompanyUpdated(company("c1", "Patient Holdings Ltd"))).eventId());
        for (String eventId : held) {
            awaitResults(eventId, SyncResult.WAITING_FOR_CONNECTION);
        }

        apps().connect(t.id(), t.realm());

        for (String eventId : held) {
            awaitResults(eventId, SyncResult.WAITING_FOR_CONNECTION, SyncResult.SYNCED);
        }
        String later = clients.publish(t.id(), new ProjectCreated(new Project("p2", "c1", "Bathroom", null)))
                .eventId();
        await().atMost(WAIT).untilAsserted(() -> assertThat(resultsOf(later)).endsWith(SyncResult.SYNCED));

        assertThat(held).allSatisfy(eventId -> assertThat(resultsOf(eventId)).as("synced exactly once")
                .containsExactly(SyncResult.WAITING_FOR_CONNECTION, SyncResult.SYNCED));
        assertThat(held.stream().map(id -> synced(id).getOccurredAt()).toList()).as("in the order they came")
                .isSorted();
        List<JsonNode> customers = apps().entities(t.realm(), "Customer");
        JsonNode company = customers.stream().filter(c -> !c.path("Job").asBoolean()).findFirst().orElseThrow();
        assertThat(company.path("DisplayName").asString()).as("the update came after the create")
                .isEqualTo("Patient Holdings Ltd");
        assertThat(customers).filteredOn(c -> c.path("Job").asBoolean())
                .extracting(c -> c.path("DisplayName").asString() + " under " + c.path("ParentRef").path("value")
                        .asString())
                .containsExactlyInAnyOrder("Kitchen under " + company.path("Id").asString(),
                        "Bathroom under " + company.path("Id").asString());
    }

    @Test
    void shouldHoldTheEventsOfATenantThatIsNoLongerConnectedUntilItReconnects() throws Exception {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        String created = clients.publish(t.id(), new CompanyCreated(company("c1", "Loyal Ltd"))).eventId();
        awaitResults(created, SyncResult.SYNCED);
        // the user disconnects the app: mapping-service forgets the tokens and QBO revokes them
        String token = apps().currentAccessToken(t.id());
        apps().disconnect(t.id());
        apps().revokeToken(token);

        String renamed = clients.publish(t.id(), new CompanyUpdated(company("c1", "Loyal Holdings"))).eventId();
        awaitResults(renamed, SyncResult.WAITING_FOR_CONNECTION);
        assertThat(customerNames(t)).containsExactly("Loyal Ltd");

        apps().connect(t.id(), t.realm());

        awaitResults(renamed, SyncResult.WAITING_FOR_CONNECTION, SyncResult.SYNCED);
        assertThat(customerNames(t)).containsExactly("Loyal Holdings");
    }

    /**
     * The shared service stops consuming (its consumer leaves the group) and a fresh application context, on
     * the same broker and group, takes over: it loses none of the waiting records, and its scan of the waiting
     * topic keeps a new event of the tenant behind them although the tenant has connected by then.
     */
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
            await().atMost(WAIT).untilAsserted(() -> assertThat(resultsOf(renamed))
                    .endsWith(SyncResult.SYNCED).containsOnlyOnce(SyncResult.SYNCED));
            assertThat(List.of(created, project.eventId(), renamed)).extracting(id -> synced(id).getOccurredAt())
                    .as("in the order they came").isSorted();
            assertThat(customerNames(t)).containsExactlyInAnyOrder("Patient Holdings Ltd", "Kitchen");
        }
        finally {
            shared.start();
        }
    }

    /**
     * The same service as the shared context, a new instance (command-line arguments outrank its defaults).
     * Without a web server: closing a second Reactor Netty server disposes the JVM-wide Netty resources that
     * the sandbox and mapping-service run on.
     */
    private ConfigurableApplicationContext restartedService() {
        return new SpringApplicationBuilder(CpOutboundServiceApplication.class).run(
                "--spring.main.web-application-type=none",
                "--spring.kafka.bootstrap-servers=" + brokers,
                "--spring.autoconfigure.exclude=" + InProcessPeers.NO_DATABASE,
                "--app.qbo.base-url=" + apps().sandboxUrl(),
                "--app.mapping.base-url=" + apps().mappingUrl(),
                "--app.work.disconnected-poll=1s",
                "--app.qbo.request-timeout=10s");
    }

    /** A new connected tenant whose events land on the same partition as the given tenant's. */
    private Tenant connectedTenantOnThePartitionOf(Tenant other) {
        int partition = WaitingItClients.partitionOf(other.id(), EVENT_PARTITIONS);
        while (true) {
            Tenant candidate = tenant(CompaniesToQbo.WHEN_CREATED);
            if (WaitingItClients.partitionOf(candidate.id(), EVENT_PARTITIONS) == partition) {
                return candidate;
            }
        }
    }

    private List<SyncResult> resultsOf(String eventId) {
        return outcomesOfEvent(eventId).stream().map(SyncOutcome::getResult).toList();
    }

    private void awaitResults(String eventId, SyncResult... results) {
        await().atMost(WAIT).untilAsserted(() -> assertThat(resultsOf(eventId)).containsExactly(results));
    }

    private SyncOutcome synced(String eventId) {
        return outcomesOfEvent(eventId).stream().filter(o -> o.getResult() == SyncResult.SYNCED).findFirst()
                .orElseThrow();
    }
}
