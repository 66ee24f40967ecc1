package com.cpsync.console.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import com.cpsync.console.adapter.in.schedule.RetentionPurgeScheduler;
import com.cpsync.console.adapter.out.avro.AvroPayloadSummaries;
import com.cpsync.console.adapter.out.jdbc.AuditJdbcLog;
import com.cpsync.console.adapter.out.jdbc.DeadLetterJdbcStore;
import com.cpsync.console.adapter.out.jdbc.OutcomeJdbcIndex;
import com.cpsync.console.application.ConsoleQueries;
import com.cpsync.console.application.IndexRecords;
import com.cpsync.console.application.PurgeExpired;
import com.cpsync.console.application.ReplayDeadLetter;
import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.ConsumerLagSource;
import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.application.port.Republisher;
import com.cpsync.console.domain.Retention;

/** Wires the use cases to PostgreSQL; Kafka's side is in {@link KafkaConfig}. */
@Configuration(proxyBeanMethods = false)
public class ConsoleConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
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
    AuditJdbcLog auditLog(JdbcClient jdbc) {
        return new AuditJdbcLog(jdbc);
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
    ConsoleQueries consoleQueries(OutcomeIndex outcomes, DeadLetterStore deadLetters, ConsumerLagSource lag,
            AuditLog audit, Clock clock) {
        return new ConsoleQueries(outcomes, deadLetters, lag, audit, clock);
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
