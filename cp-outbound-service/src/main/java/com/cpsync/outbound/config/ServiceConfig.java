package com.cpsync.outbound.config;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.BiConsumer;
import java.util.function.Function;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.web.client.RestClient;

import com.cpsync.outbound.adapter.in.kafka.CenterpointEventsKafkaListener;
import com.cpsync.outbound.adapter.in.kafka.ContiguousAcks;
import com.cpsync.outbound.adapter.in.kafka.EventIntake;
import com.cpsync.outbound.adapter.in.kafka.EventsRebalanceListener;
import com.cpsync.outbound.adapter.in.kafka.OwnCommandsMemory;
import com.cpsync.outbound.adapter.in.kafka.SettingsMemory;
import com.cpsync.outbound.adapter.in.kafka.waiting.BacklogShare;
import com.cpsync.outbound.adapter.in.kafka.waiting.BacklogSpill;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingLanes;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingWrites;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRecords;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingRoom;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingTopic;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingTopicKafkaWriter;
import com.cpsync.outbound.adapter.in.kafka.waiting.WaitingTopicScan;
import com.cpsync.outbound.adapter.in.kafka.work.ConnectionWait;
import com.cpsync.outbound.adapter.in.kafka.work.EventHandling;
import com.cpsync.outbound.adapter.in.kafka.work.EventWorkers;
import com.cpsync.outbound.adapter.in.kafka.work.InFlightWork;
import com.cpsync.outbound.adapter.in.kafka.work.ParkPolicy;
import com.cpsync.outbound.adapter.in.kafka.work.TenantWorkQueues;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.adapter.in.kafka.work.WorkQueueKey;
import com.cpsync.outbound.adapter.in.kafka.work.WorkQueueKeys;
import com.cpsync.outbound.adapter.in.kafka.work.WorkPriority;
import com.cpsync.outbound.adapter.out.http.MappingServiceGateway;
import com.cpsync.outbound.adapter.out.http.QboClientGateway;
import com.cpsync.outbound.adapter.out.kafka.EntityStateKafkaStore;
import com.cpsync.outbound.adapter.out.kafka.ToQboOutcomeKafkaPublisher;
import com.cpsync.outbound.application.HandleCenterpointEvent;
import com.cpsync.outbound.application.OutcomesWithRealm;
import com.cpsync.outbound.application.TenantQbo;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.TenantStatusPublisher;
import com.cpsync.outbound.domain.events.BacklogRule;
import com.cpsync.qbo.client.BatchingQboCalls;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.RealmLimits;
import com.cpsync.qbo.client.RealmRateLimiter;
import com.cpsync.qbo.client.TimeSource;
import com.cpsync.syncsupport.auth.ServiceTokens;
import com.cpsync.syncsupport.budget.SharedRealmBudget;
import com.cpsync.syncsupport.kafka.ReplayedTopicReader;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;
import com.cpsync.syncsupport.outcome.SyncOutcomeKafkaPublisher;
import com.cpsync.syncsupport.tracing.QboHttpObservation;
import com.cpsync.syncsupport.tracing.TraceIds;

/** Wires the use cases, the tenant work queues and the adapters. */
@Configuration(proxyBeanMethods = false)
public class ServiceConfig {

    // ---- replayed topics: settings, entity state, own commands

    @Bean
    SettingsMemory settingsMemory() {
        return new SettingsMemory();
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ReplayedTopicReader<SpecificRecord> settingsReader(OutboundProperties properties,
            ConsumerFactory<String, SpecificRecord> consumers, SettingsMemory settings) {
        return reader(properties.topics().settings(), consumers, settings::onRecord);
    }

    @Bean
    EntityStateKafkaStore entityStateStore(OutboundProperties properties, KafkaTemplate<String, SpecificRecord> kafka) {
        return new EntityStateKafkaStore(kafka, properties.topics().entityState());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ReplayedTopicReader<SpecificRecord> entityStateReader(OutboundProperties properties,
            ConsumerFactory<String, SpecificRecord> consumers, EntityStateKafkaStore store) {
        return recordReader(properties.topics().entityState(), consumers, store::onRecord);
    }

    @Bean
    OwnCommandsMemory ownCommands(OutboundProperties properties) {
        return new OwnCommandsMemory(properties.work().commandIdsPerTenant());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    ReplayedTopicReader<SpecificRecord> commandsReader(OutboundProperties properties,
            ConsumerFactory<String, SpecificRecord> consumers, OwnCommandsMemory commands) {
        return reader(properties.topics().commands(), consumers, commands::onRecord);
    }

    private static ReplayedTopicReader<SpecificRecord> reader(String topic,
            ConsumerFactory<String, SpecificRecord> consumers, BiConsumer<String, SpecificRecord> onRecord) {
        return recordReader(topic, consumers, record -> onRecord.accept(record.key(), record.value()));
    }

    private static ReplayedTopicReader<SpecificRecord> recordReader(String topic,
            ConsumerFactory<String, SpecificRecord> consumers,
            java.util.function.Consumer<ConsumerRecord<String, SpecificRecord>> onRecord) {
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return ReplayedTopicReader.ofRecords(topic,
                () -> consumers.createConsumer(null, "replay-" + topic, null, overrides), onRecord);
    }

    // ---- outbound adapters

    @Bean
    OutcomePublisher outcomePublisher(OutboundProperties properties, KafkaTemplate<String, SpecificRecord> kafka,
            MeterRegistry meters, Clock clock, TenantQbo qbo, Tracer tracer) {
        return new OutcomesWithRealm(new ToQboOutcomeKafkaPublisher(new SyncOutcomeKafkaPublisher(kafka,
                properties.topics().outcomes(), meters, clock, TraceIds.current(tracer))), qbo::knownRealm);
    }

    /** Observed: each call is a client span and carries the trace context to mapping-service. */
    @Bean
    MappingGateway mappingGateway(OutboundProperties properties, ObservationRegistry observations, Tracer tracer,
            @Value("${spring.application.name}") String name,
            @Value("${app.service-auth.private-key:}") String privateKey) {
        // the wall clock, not the injectable one: mapping-service checks the token's times against its own
        return new MappingServiceGateway(MappingServiceClient.of(properties.mapping().baseUrl(),
                ServiceTokens.of(name, privateKey, Clock.systemUTC()),
                RestClient.builder().observationRegistry(observations)), TraceIds.current(tracer));
    }

    @Bean
    CircuitBreakerRegistry circuitBreakers(OutboundProperties properties, MeterRegistry meters) {
        OutboundProperties.Qbo qbo = properties.qbo();
        CircuitBreakerRegistry registry = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(qbo.breakerFailureRate())
                .minimumNumberOfCalls(qbo.breakerMinimumCalls())
                .slidingWindowSize(Math.max(qbo.breakerMinimumCalls(), 10))
                .waitDurationInOpenState(qbo.breakerOpenWait())
                .recordException(QboClientGateway::isRealmFailure)
                .build());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
        return registry;
    }

    /**
     * Each QBO call is observed: a client span of the event's trace (QboHttpObservation). Its budget is the realm's
     * shared one when {@code app.qbo.budget.datasource-url} is set, else this JVM's limiter (docs/performance.md).
     * With {@code app.qbo.batching.enabled}, a realm's calls that wait while its sends are in flight share one
     * batch request (BatchingQboCalls); otherwise every call is single.
     */
    @Bean
    QboGateway qboGateway(OutboundProperties properties, CircuitBreakerRegistry breakers, MeterRegistry meters,
            ObservationRegistry observations, SharedRealmBudget sharedBudget) {
        OutboundProperties.Qbo qbo = properties.qbo();
        RealmRateLimiter limiter = new RealmRateLimiter(new RealmLimits(qbo.requestsPerSecond(),
                qbo.requestsPerMinute(), qbo.concurrentRequests(), qbo.batchesPerMinute(), qbo.limiterMaxWait()));
        QboClient client = QboClient.builder(qbo.baseUrl())
                .budget(sharedBudget.orElse(limiter))
                .requestTimeout(qbo.requestTimeout())
                .listener((realmId, operation, status, nanos) -> Timer.builder("qbo_calls")
                        .tag("operation", operation).tag("status", String.valueOf(status))
                        .register(meters).record(Duration.ofNanos(nanos)))
                .httpClientDecorator(http -> QboHttpObservation.observe(http, meters, observations))
                .build();
        OutboundProperties.Batching batching = qbo.batching();
        // batching off still sends through the realm's senders, one call a send, with the same patience for a busy
        // budget: a refused call waits its turn instead of parking its lane (P1 measures single calls this way)
        return new QboClientGateway(new BatchingQboCalls(client, batching.sendersPerRealm(), TimeSource.SYSTEM,
                batching.busyPatience(), batching.enabled() ? BatchingQboCalls.MAX_BATCH_ITEMS : 1),
                breakers, WorkPriority::current);
    }

    // ---- use cases

    @Bean
    TenantQbo tenantQbo(QboGateway qbo, MappingGateway mapping, Clock clock) {
        return new TenantQbo(qbo, mapping, clock);
    }

    @Bean
    HandleCenterpointEvent handleCenterpointEvent(SettingsMemory settings, OwnCommandsMemory commands,
            EntityStateKafkaStore state, OutcomePublisher published, TenantQbo qbo, MappingGateway mapping) {
        return new HandleCenterpointEvent(settings, commands, qbo, mapping, state, published);
    }

    // ---- tenant work

    @Bean
    TenantWorkQueues<WorkItem> tenantWorkQueues(Clock clock, MeterRegistry meters, TenantStatusPublisher status,
            OutboundProperties properties) {
        TenantWorkQueues<WorkItem> queues = new TenantWorkQueues<>(clock, status, properties.work().lanesPerTenant());
        Gauge.builder("outbound_parked_tenants", queues, q -> q.parkedTenants().size()).register(meters);
        Gauge.builder("outbound_buffered_events", queues, TenantWorkQueues::buffered).register(meters);
        return queues;
    }

    @Bean
    ContiguousAcks contiguousAcks() {
        return new ContiguousAcks();
    }

    @Bean
    EventIntake eventIntake(TenantWorkQueues<WorkItem> queues, ContiguousAcks acks, WaitingRoom room,
            WaitingLanes lanes, KafkaListenerEndpointRegistry registry, OutboundProperties properties,
            ObservationRegistry observations, BacklogShare share, BacklogSpill spill) {
        return new EventIntake(queues, acks, room, lanes, registry, properties.topics().events(),
                properties.waiting().topic(), properties.work().maxBuffered(), observations, queueKeys(properties),
                share, spill);
    }

    @Bean
    EventsRebalanceListener eventsRebalanceListener(OutboundProperties properties, ContiguousAcks acks,
            WaitingRoom room, WaitingLanes lanes, WaitingWrites writes, InFlightWork inFlight) {
        return new EventsRebalanceListener(properties.topics().events(), properties.waiting().topic(), acks, room,
                lanes, writes, inFlight, properties.work().inFlightWait());
    }

    @Bean
    InFlightWork inFlightWork() {
        return new InFlightWork();
    }

    // ---- tenants without a QBO connection: the waiting topic

    @Bean
    WaitingRoom waitingRoom(OutboundProperties properties, MeterRegistry meters) {
        WaitingRoom room = new WaitingRoom(properties.waiting().maxHold());
        Gauge.builder("outbound_waiting_records", room, WaitingRoom::waitingRecords).register(meters);
        Gauge.builder("outbound_waiting_tenants", room, r -> r.waitingTenants().size()).register(meters);
        return room;
    }

    /** The waiting topic's writes under way, which a revocation waits for. */
    @Bean
    WaitingWrites waitingWrites() {
        return new WaitingWrites();
    }

    @Bean
    WaitingTopic waitingTopic(OutboundProperties properties, KafkaTemplate<String, SpecificRecord> kafka) {
        return new WaitingTopicKafkaWriter(kafka, properties.waiting().topic());
    }

    /**
     * None when the share is 0 (the default: see the README's "Backlogs beyond a tenant's share" for why), and none by
     * partition: "fairness off" keeps every tenant of a partition in one line, as it comes.
     */
    @Bean
    BacklogShare backlogShare(TenantWorkQueues<WorkItem> queues, OutboundProperties properties) {
        OutboundProperties.Work work = properties.work();
        return work.maxBufferedPerTenant() <= 0 || work.queueBy() == OutboundProperties.Work.QueueBy.PARTITION
                ? BacklogShare.unlimited()
                : new BacklogShare(queues::buffered, work.maxBufferedPerTenant(), queues::buffered, work.maxBuffered());
    }

    @Bean
    ConnectionWait connectionWait(WaitingRoom room, WaitingTopic topic, OutcomePublisher outcomes, Clock clock,
            TenantQbo qbo, WaitingWrites writes) {
        return new WaitingRecords(room, topic, outcomes, clock, tenant -> canSync(qbo, tenant), writes);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    BacklogSpill backlogSpill(WaitingRoom room, WaitingTopic topic, WaitingWrites writes, Clock clock,
            OutboundProperties properties) {
        return new BacklogSpill(room, topic, writes, clock, properties.work().initialBackoff(),
                properties.work().maxBackoff());
    }

    /** A tenant can sync when mapping-service hands out an access token for it (the handlers' own test). */
    @Bean(initMethod = "start", destroyMethod = "close")
    WaitingLanes waitingLanes(OutboundProperties properties, WaitingRoom room, WaitingTopic topic,
            ConsumerFactory<String, SpecificRecord> consumers, TenantQbo qbo, TenantWorkQueues<WorkItem> queues,
            KafkaListenerEndpointRegistry registry, Clock clock, BacklogShare share, WaitingWrites writes) {
        String waitingTopic = properties.waiting().topic();
        Properties overrides = new Properties();
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // the events group's id, to read its committed offsets; this consumer never subscribes
        WaitingTopicScan scan = new WaitingTopicScan(waitingTopic, () -> consumers.createConsumer(
                CenterpointEventsKafkaListener.ID, "waiting-scan", null, overrides), Duration.ofSeconds(60));
        WaitingLanes.PartitionFlow flow = new WaitingLanes.PartitionFlow() {
            @Override
            public void pause(int partition) {
                container(registry).ifPresent(c -> c.pausePartition(new TopicPartition(waitingTopic, partition)));
            }

            @Override
            public void resume(int partition) {
                container(registry).ifPresent(c -> c.resumePartition(new TopicPartition(waitingTopic, partition)));
            }
        };
        // handed back to the lanes the consumer would have queued them in: behind their company's records queued
        // before a backlog, and side by side with other companies' records, as the realm's budget allows
        Function<WorkItem, WorkQueueKey> keys = queueKeys(properties);
        return new WaitingLanes(room, topic, scan, tenant -> canSync(qbo, tenant), share::hasRoom,
                (tenant, item) -> queues.submit(keys.apply(item), item), flow, clock,
                properties.waiting().checkInterval(), writes);
    }

    private static boolean canSync(TenantQbo qbo, String tenantId) {
        try {
            qbo.realmOf(tenantId);
            return true;
        }
        catch (RuntimeException notNow) {
            return false;
        }
    }

    private static Optional<MessageListenerContainer> container(KafkaListenerEndpointRegistry registry) {
        return Optional.ofNullable(registry.getListenerContainer(CenterpointEventsKafkaListener.ID));
    }

    @Bean
    CenterpointEventsKafkaListener centerpointEventsKafkaListener(EventIntake intake) {
        return new CenterpointEventsKafkaListener(intake);
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    EventWorkers eventWorkers(TenantWorkQueues<WorkItem> queues, HandleCenterpointEvent handler,
            OutcomePublisher outcomes, ConnectionWait connectionWait, OutboundProperties properties, Clock clock,
            List<ReplayedTopicReader<?>> readers, EventIntake intake, InFlightWork inFlight) {
        OutboundProperties.Work work = properties.work();
        ParkPolicy policy = new ParkPolicy(work.throttleWait(), work.busyWait(), work.initialBackoff(),
                work.maxBackoff(), work.disconnectedPoll());
        EventHandling handling = WorkPriority.prioritised(handler::handle, new BacklogRule(work.backlogAfter()), clock);
        return new EventWorkers(queues, handling, outcomes, policy, connectionWait, clock,
                () -> readers.stream().allMatch(ReplayedTopicReader::caughtUp), intake::adjustFlow,
                work.parentWait(), work.workers(), queueKeys(properties), inFlight);
    }

    private static Function<WorkItem, WorkQueueKey> queueKeys(OutboundProperties properties) {
        return properties.work().queueBy() == OutboundProperties.Work.QueueBy.PARTITION
                ? WorkQueueKeys.byPartition() : WorkQueueKeys.byTenantAndCompany();
    }

    /** Readiness: not ready until settings, entity state and own commands are read up to their end. */
    @Bean
    HealthIndicator outboundSyncHealthIndicator(List<ReplayedTopicReader<?>> readers,
            TenantWorkQueues<WorkItem> queues, WaitingRoom room) {
        return () -> {
            Health.Builder health = readers.stream().allMatch(ReplayedTopicReader::caughtUp) ? Health.up()
                    : Health.outOfService();
            readers.forEach(r -> health.withDetail(r.topic(), r.caughtUp() ? "caught up" : "replaying"));
            return health.withDetail("parkedTenants", queues.parkedTenants().keySet())
                    .withDetail("tenantsWaitingForConnection", room.waitingTenants().size()).build();
        };
    }
}
