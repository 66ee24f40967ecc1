package com.cpsync.console.config;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.micrometer.core.instrument.MeterRegistry;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;

import com.cpsync.console.adapter.in.schedule.DailyReconciliationScheduler;
import com.cpsync.console.adapter.out.http.CenterpointBooksClient;
import com.cpsync.console.adapter.out.http.MappingServiceLinks;
import com.cpsync.console.adapter.out.jdbc.ReconciliationJdbcStore;
import com.cpsync.console.adapter.out.kafka.BrokerSyncLag;
import com.cpsync.console.adapter.out.kafka.QboChangeKafkaAnnouncer;
import com.cpsync.console.adapter.out.metrics.MeteredReconciliationStore;
import com.cpsync.console.adapter.out.qbo.QboBooksReader;
import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.CenterpointBooks;
import com.cpsync.console.application.port.ConnectionSource;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.application.port.QboChangeAnnouncer;
import com.cpsync.console.application.port.ReconciliationStore;
import com.cpsync.console.application.reconciliation.ReconcileTenant;
import com.cpsync.console.application.reconciliation.ResyncTenant;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.RealmLimits;
import com.cpsync.qbo.client.RealmRateLimiter;
import com.cpsync.syncsupport.budget.SharedRealmBudget;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;

/** Reconciliation and resync (issue 12, docs/reconciliation.md): its readers, its store, its schedule. */
@Configuration(proxyBeanMethods = false)
public class ReconciliationConfig {

    private static final long ADMIN_TIMEOUT_MILLIS = 10_000;

    @Bean
    ReconciliationStore reconciliationStore(JdbcClient jdbc, MeterRegistry meters) {
        return new MeteredReconciliationStore(new ReconciliationJdbcStore(jdbc), meters);
    }

    @Bean
    CenterpointBooks centerpointBooks(@Value("${app.centerpoint.base-url}") URI baseUrl) {
        return new CenterpointBooksClient(baseUrl, RestClient.builder());
    }

    /**
     * QBO through the sync services' shared budget when there is one (else an in-JVM limiter at QBO's limits); the
     * reader takes BACKLOG tokens only.
     */
    @Bean
    QboBooksReader qboBooks(@Value("${app.qbo.base-url}") URI baseUrl, SharedRealmBudget sharedBudget,
            MappingServiceClient mapping, @Value("${app.reconciliation.busy-realm-patience}") Duration patience) {
        QboClient client = QboClient.builder(baseUrl)
                .budget(sharedBudget.orElse(new RealmRateLimiter(RealmLimits.qboDefaults()))).build();
        return new QboBooksReader(client, mapping, patience);
    }

    @Bean
    BrokerSyncLag syncLag(KafkaAdmin kafkaAdmin, Clock clock,
            @Value("${app.reconciliation.outbound-group}") String outboundGroup,
            @Value("${app.topics.centerpoint-events}") String eventsTopic,
            @Value("${app.reconciliation.inbound-group}") String inboundGroup,
            @Value("${app.topics.qbo-changes}") String changesTopic,
            @Value("${app.reconciliation.write-grace}") Duration writeGrace) {
        Map<String, Object> consumer = new HashMap<>(kafkaAdmin.getConfigurationProperties());
        consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        consumer.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumer.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1);
        return new BrokerSyncLag(Admin.create(kafkaAdmin.getConfigurationProperties()), consumer,
                new BrokerSyncLag.Group(outboundGroup, eventsTopic),
                new BrokerSyncLag.Group(inboundGroup, changesTopic), clock, ADMIN_TIMEOUT_MILLIS, writeGrace);
    }

    @Bean
    QboChangeAnnouncer qboChangeAnnouncer(KafkaTemplate<String, SpecificRecord> kafka,
            @Value("${app.topics.qbo-changes}") String topic, Clock clock) {
        return new QboChangeKafkaAnnouncer(kafka, topic, clock);
    }

    /** Reconciliations run here, a few at a time, never on a request's thread. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService reconciliationExecutor(@Value("${app.reconciliation.concurrent}") int concurrent) {
        return Executors.newFixedThreadPool(concurrent, runnable -> {
            Thread thread = new Thread(runnable, "reconciliation");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Bean
    ReconcileTenant reconcileTenant(CenterpointBooks centerpoint, QboBooksReader qbo, MappingServiceClient mapping,
            OutcomeIndex outcomes, BrokerSyncLag lag, ReconciliationStore store, ExecutorService reconciliationExecutor,
            Clock clock) {
        return new ReconcileTenant(centerpoint, qbo, new MappingServiceLinks(mapping), outcomes, lag, store,
                reconciliationExecutor, clock);
    }

    @Bean
    ResyncTenant resyncTenant(ReconcileTenant reconcile, CenterpointBooks centerpoint, QboChangeAnnouncer announcer,
            AuditLog audit, Clock clock) {
        return new ResyncTenant(reconcile, centerpoint, announcer, audit, clock);
    }

    @Bean
    @ConditionalOnProperty(name = "app.reconciliation.daily", havingValue = "true", matchIfMissing = true)
    DailyReconciliationScheduler dailyReconciliationScheduler(ConnectionSource connections, ReconcileTenant reconcile,
            Clock clock) {
        return new DailyReconciliationScheduler(connections, reconcile, clock);
    }
}
