package com.cpsync.console.config;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.cpsync.console.adapter.in.schedule.RetentionPurgeScheduler;
import com.cpsync.console.adapter.out.avro.AvroPayloadSummaries;
import com.cpsync.console.adapter.out.http.MappingServiceConnections;
import com.cpsync.console.adapter.out.jdbc.AuditJdbcLog;
import com.cpsync.console.adapter.out.jdbc.DeadLetterJdbcStore;
import com.cpsync.console.adapter.out.jdbc.OutcomeJdbcIndex;
import com.cpsync.console.adapter.out.jdbc.ResolutionJdbcStore;
import com.cpsync.console.adapter.out.jdbc.SharedRealmBudgetSource;
import com.cpsync.console.adapter.out.jdbc.TenantStatusJdbcStore;
import com.cpsync.console.adapter.out.metrics.MeteredAuditLog;
import com.cpsync.console.application.ConsoleQueries;
import com.cpsync.console.application.IndexRecords;
import com.cpsync.console.application.PurgeExpired;
import com.cpsync.console.application.ReplayDeadLetter;
import com.cpsync.console.application.ResolveHeldConflict;
import com.cpsync.console.application.TrackTenantStatus;
import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.ConnectionSource;
import com.cpsync.console.application.port.ConsumerLagSource;
import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.application.port.RealmBudgetSource;
import com.cpsync.console.application.port.Republisher;
import com.cpsync.console.application.port.ResolutionSender;
import com.cpsync.console.application.port.ResolutionStore;
import com.cpsync.console.application.port.TenantStatusStore;
import com.cpsync.console.domain.Retention;
import com.cpsync.console.domain.contractor.ContractorLinks;
import com.cpsync.syncsupport.auth.ServiceTokens;
import com.cpsync.syncsupport.budget.RealmBudgetConfiguration;
import com.cpsync.syncsupport.budget.SharedRealmBudget;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;

/** Wires the use cases to PostgreSQL; Kafka's side is in {@link KafkaConfig}. */
@Configuration(proxyBeanMethods = false)
@Import(RealmBudgetConfiguration.class)
public class ConsoleConfig {

    static final String LOCAL_CONTRACTOR_LINK_SECRET = "local-contractor-link-secret";

    private static final Logger log = LoggerFactory.getLogger(ConsoleConfig.class);

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    ContractorLinks contractorLinks(ContractorLinkProperties properties) {
        if (LOCAL_CONTRACTOR_LINK_SECRET.equals(properties.secret())) {
            log.warn("Contractor links are signed with the local default secret: set OPS_CONSOLE_CONTRACTOR_LINK_SECRET "
                    + "outside a local stack");
        }
        return new ContractorLinks(properties.secret() == null ? null
                : properties.secret().getBytes(StandardCharsets.UTF_8), properties.longestLifetime());
    }

    @Bean
    OutcomeJdbcIndex outcomeIndex(JdbcClient jdbc) {
        return new OutcomeJdbcIndex(jdbc);
    }

    @Bean
    DeadLetterJdbcStore deadLetterStore(JdbcClient jdbc, TransactionTemplate transactions) {
        return new DeadLetterJdbcStore(jdbc, transactions);
    }

    @Bean
    MeteredAuditLog auditLog(JdbcClient jdbc, MeterRegistry meters) {
        return new MeteredAuditLog(new AuditJdbcLog(jdbc), meters);
    }

    @Bean
    IndexRecords indexRecords(OutcomeIndex outcomes, DeadLetterStore deadLetters) {
        return new IndexRecords(outcomes, deadLetters, new AvroPayloadSummaries());
    }

    @Bean
    ReplayDeadLetter replayDeadLetter(DeadLetterStore deadLetters, Republisher republisher, AuditLog audit,
            Clock clock) {
        return new ReplayDeadLetter(deadLetters, republisher, audit, clock);
    }

    @Bean
    ResolutionJdbcStore resolutionStore(JdbcClient jdbc) {
        return new ResolutionJdbcStore(jdbc);
    }

    @Bean
    ResolveHeldConflict resolveHeldConflict(OutcomeIndex outcomes, ResolutionStore resolutions,
            ResolutionSender sender, AuditLog audit, Clock clock) {
        return new ResolveHeldConflict(outcomes, resolutions, sender, audit, clock);
    }

    @Bean
    ConsoleQueries consoleQueries(OutcomeIndex outcomes, DeadLetterStore deadLetters, ConsumerLagSource lag,
            AuditLog audit, ConnectionSource connections, TenantStatusStore statuses, RealmBudgetSource budgets,
            Clock clock) {
        return new ConsoleQueries(outcomes, deadLetters, lag, audit, connections, statuses, budgets, clock);
    }

    @Bean
    TenantStatusJdbcStore tenantStatusStore(JdbcClient jdbc, @Value("${app.topics.tenant-status}") String topic) {
        return new TenantStatusJdbcStore(jdbc, topic);
    }

    @Bean
    TrackTenantStatus trackTenantStatus(TenantStatusStore statuses) {
        return new TrackTenantStatus(statuses);
    }

    /**
     * The sync services' shared QBO budget, read from the same database they take tokens from
     * ({@code app.qbo.budget.*}, sync-support's {@link RealmBudgetConfiguration}); not configured: "budget not shared".
     */
    @Bean
    RealmBudgetSource realmBudgetSource(SharedRealmBudget sharedRealmBudget) {
        return sharedRealmBudget.isShared() ? new SharedRealmBudgetSource(sharedRealmBudget)
                : RealmBudgetSource.NOT_SHARED;
    }

    /**
     * mapping-service (its connections for the tenants page; links and QBO access tokens for reconciliation), signed as this service with its own key (docs/security.md); without a key
     * mapping-service answers 401 and the tenants page says the connection state is unknown. The wall clock: the
     * token's times are checked against mapping-service's.
     */
    @Bean
    MappingServiceClient mappingServiceClient(@Value("${app.mapping.base-url}") URI mappingUrl,
            @Value("${spring.application.name}") String name, @Value("${app.service-auth.private-key:}") String key) {
        return MappingServiceClient.of(mappingUrl, ServiceTokens.of(name, key, Clock.systemUTC()));
    }

    @Bean
    MappingServiceConnections connectionSource(MappingServiceClient mapping) {
        return new MappingServiceConnections(mapping);
    }

    @Bean
    PurgeExpired purgeExpired(OutcomeIndex outcomes, DeadLetterStore deadLetters, RetentionProperties retention,
            Clock clock) {
        return new PurgeExpired(outcomes, deadLetters, new Retention(retention.keep()), clock);
    }

    @Bean
    RetentionPurgeScheduler retentionPurgeScheduler(PurgeExpired purgeExpired) {
        return new RetentionPurgeScheduler(purgeExpired);
    }
}
