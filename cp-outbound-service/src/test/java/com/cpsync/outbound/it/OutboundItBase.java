package com.cpsync.outbound.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.cpsync.mapping.MappingServiceApplication;
import com.cpsync.outbound.CpOutboundServiceApplication;
import com.cpsync.outbound.adapter.in.kafka.SettingsMemory;
import com.cpsync.outbound.adapter.in.kafka.SyncSettingsAvroMapper;
import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncSettings;
import com.cpsync.schemas.serde.AvroDeserializer;
import com.cpsync.schemas.serde.AvroSerializer;
import com.cpsync.testsupport.apps.InProcessPeers;
import com.cpsync.testsupport.apps.SharedSpringContext;
import com.cpsync.testsupport.apps.StartInProcessPeers;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What every cp-outbound IT shares: a real broker, the real qbo-sandbox and the real mapping-service
 * (embedded PostgreSQL), one Spring context for all IT classes (same configuration, so Spring's cache
 * reuses it), and a tenant of its own per test, connected to a realm of its own. Tests publish events as
 * Centerpoint does and read {@code sync.outcomes.v1} as support does.
 */
@StartInProcessPeers(sandbox = QboSandboxApplication.class, mappingService = MappingServiceApplication.class)
@ExtendWith(SharedSpringContext.class)
@SpringBootTest(classes = CpOutboundServiceApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
        properties = {
        "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
        "spring.autoconfigure.exclude=" + InProcessPeers.NO_DATABASE,
        "app.work.initial-backoff=300ms",
        "app.work.max-backoff=2s",
        "app.work.throttle-wait=2s",
        "app.work.disconnected-poll=1s",
        // small bounds, so that every IT with a burst of one tenant takes the backlog path (TenantIsolationIT)
        "app.work.max-buffered=30",
        "app.work.max-buffered-per-tenant=10",
        "app.qbo.requests-per-second=4",
        "app.qbo.requests-per-minute=450",
        "app.qbo.limiter-max-wait=100ms",
        // one send of a realm at a time (calls still share batches behind it): at the ITs' 4 requests a second,
        // four sends in flight drifted against the limiter's grants and met the sandbox's 429 (TenantIsolationIT)
        "app.qbo.batching.senders-per-realm=1",
        "app.qbo.request-timeout=10s",
        "app.qbo.breaker-minimum-calls=3",
        "app.qbo.breaker-open-wait=1s",
        "app.lag.interval=500ms",
        "management.opentelemetry.tracing.export.schedule-delay=100ms"})
@Import({OutboundClock.class, InMemorySpans.class})
@EmbeddedKafka(partitions = 2, topics = {Topics.CENTERPOINT_EVENTS, Topics.CENTERPOINT_SYNC_SETTINGS,
        Topics.CENTERPOINT_COMMANDS, Topics.SYNC_OUTCOMES, Topics.QBO_CHANGES, "centerpoint.events.v1.DLT"})
abstract class OutboundItBase {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** Every outcome read so far by this class, in topic order per partition; also the clients' lock. */
    private static final List<SyncOutcome> OUTCOMES = new ArrayList<>();
    private static final Map<String, SyncSettings> SETTINGS = new HashMap<>();
    private static KafkaProducer<String, SpecificRecord> producer;
    private static KafkaConsumer<String, SpecificRecord> outcomeConsumer;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Autowired
    private SettingsMemory settingsMemory;

    record Tenant(String id, String realm) {
    }

    interface SettingsCustomizer {
        void customize(SyncSettings.Builder settings);
    }

    @DynamicPropertySource
    static void externalApps(DynamicPropertyRegistry registry) {
        registry.add("app.qbo.base-url", () -> apps().sandboxUrl());
        registry.add("app.mapping.base-url", () -> apps().mappingUrl());
    }

    /** Each class starts its clients afresh: the context outlives the class, the clients do not. */
    @AfterAll
    static void closeClients() {
        synchronized (OUTCOMES) {
            if (producer != null) {
                producer.close();
                producer = null;
            }
            if (outcomeConsumer != null) {
                outcomeConsumer.close();
                outcomeConsumer = null;
                OUTCOMES.clear();
            }
        }
    }

    /** The real qbo-sandbox and mapping-service of this run (test-support). */
    static InProcessPeers apps() {
        return InProcessPeers.running();
    }

    /** The DisplayNames of the realm's QBO customers, jobs included. */
    static List<String> customerNames(Tenant t) {
        return apps().entities(t.realm(), "Customer").stream().map(c -> c.path("DisplayName").asString()).toList();
    }

    // ---- tenants and their settings

    Tenant tenant(CompaniesToQbo companies) {
        return tenant(companies, s -> { });
    }

    Tenant tenant(CompaniesToQbo companies, SettingsCustomizer customizer) {
        return tenant(companies, customizer, true);
    }

    /** A new tenant (connected to a new realm, or not yet) whose settings the service has read. */
    Tenant tenant(CompaniesToQbo companies, SettingsCustomizer customizer, boolean connected) {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Tenant tenant = new Tenant("tenant-" + suffix, "realm-" + suffix);
        if (connected) {
            apps().connect(tenant.id(), tenant.realm());
        }
        SyncSettings.Builder settings = SyncSettings.newBuilder().setTenantId(tenant.id()).setUpdatedAt(Instant.now())
                .setCompaniesToQbo(companies).setProjectsToQbo(ProjectsToQbo.NO);
        customizer.customize(settings);
        publishSettings(tenant, settings.build());
        return tenant;
    }

    /**
     * Companies and projects sent as created, name clashes met by {@code policy}; company c1 "Gable Homes" is in
     * QBO, where vendor "Roof Repair" already has the name of the project about to come.
     */
    Tenant roofRepairTakenByAVendor(NameConflictPolicy policy) {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED)
                .setNameConflictPolicy(policy));
        apps().createInQbo(t.realm(), "Vendor", "{\"DisplayName\":\"Roof Repair\"}");
        awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Gable Homes"))), "c1");
        return t;
    }

    /** Changes a tenant's settings as a user would, before the events they govern. */
    void changeSettings(Tenant tenant, SettingsCustomizer change) {
        SyncSettings.Builder settings = SyncSettings.newBuilder(SETTINGS.get(tenant.id())).setUpdatedAt(Instant.now());
        change.customize(settings);
        publishSettings(tenant, settings.build());
    }

    private void publishSettings(Tenant tenant, SyncSettings published) {
        SETTINGS.put(tenant.id(), published);
        producer().send(new ProducerRecord<>(Topics.CENTERPOINT_SYNC_SETTINGS, tenant.id(), published));
        producer().flush();
        // settings and events are separate topics: a user changes settings before the events they govern
        await().atMost(WAIT).until(() -> settingsMemory.forTenant(tenant.id())
                .equals(SyncSettingsAvroMapper.toDomain(published)));
    }

    // ---- events in, outcomes out

    CenterpointEvent event(Tenant t, Object payload) {
        return CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTenantId(t.id())
                .setOccurredAt(Instant.now()).setCausationId(null).setPayload(payload).build();
    }

    /** Publishes an event with this payload; returns its id (the causation id of its outcomes). */
    String publish(Tenant t, Object payload) {
        CenterpointEvent event = event(t, payload);
        send(t, event);
        return event.getEventId();
    }

    void send(Tenant t, CenterpointEvent event) {
        send(new ProducerRecord<>(Topics.CENTERPOINT_EVENTS, t.id(), event));
    }

    /** As it is, headers included. */
    void send(ProducerRecord<String, SpecificRecord> record) {
        producer().send(record);
        producer().flush();
    }

    /** As it is, once the broker has it: where it was written. */
    RecordMetadata sendAwaited(ProducerRecord<String, SpecificRecord> record) throws Exception {
        return producer().send(record).get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    void sendCommand(Tenant t, SpecificRecord command) {
        producer().send(new ProducerRecord<>(Topics.CENTERPOINT_COMMANDS, t.id(), command));
        producer().flush();
    }

    /** The first outcome the event caused for this Centerpoint entity, once it is on the topic. */
    SyncOutcome awaitOutcome(Tenant t, String causationId, String centerpointId) {
        SyncOutcome[] found = new SyncOutcome[1];
        await().atMost(WAIT).untilAsserted(() -> {
            pollOutcomes();
            found[0] = outcomesOf(t, centerpointId).stream().filter(o -> o.getCausationId().equals(causationId))
                    .findFirst().orElse(null);
            assertThat(found[0]).as("outcome of %s for %s", causationId, centerpointId).isNotNull();
        });
        return found[0];
    }

    /** Every outcome the event caused so far, in topic order (reads what is new first). */
    List<SyncOutcome> outcomesOfEvent(String causationId) {
        pollOutcomes();
        synchronized (OUTCOMES) {
            return OUTCOMES.stream().filter(o -> o.getCausationId().equals(causationId)).toList();
        }
    }

    /** The outcomes read so far for one entity of the tenant, first first. */
    static List<SyncOutcome> outcomesOf(Tenant t, String centerpointId) {
        synchronized (OUTCOMES) {
            return OUTCOMES.stream().filter(o -> o.getTenantId().equals(t.id())
                    && centerpointId.equals(o.getCenterpointId())).toList();
        }
    }

    /** Reads what is new on the outcomes topic (Awaitility polls on its own thread, hence the lock). */
    private void pollOutcomes() {
        synchronized (OUTCOMES) {
            if (outcomeConsumer == null) {
                outcomeConsumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                        new StringDeserializer(), new AvroDeserializer());
                List<TopicPartition> partitions = outcomeConsumer.partitionsFor(Topics.SYNC_OUTCOMES).stream()
                        .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
                outcomeConsumer.assign(partitions);
                outcomeConsumer.seekToBeginning(partitions);
            }
            outcomeConsumer.poll(Duration.ofMillis(300)).forEach(r -> OUTCOMES.add((SyncOutcome) r.value()));
        }
    }

    private KafkaProducer<String, SpecificRecord> producer() {
        synchronized (OUTCOMES) {
            if (producer == null) {
                producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                        new StringSerializer(), new AvroSerializer());
            }
            return producer;
        }
    }
}
