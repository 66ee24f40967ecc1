package com.cpsync.console.adapter.in.schedule;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import com.cpsync.console.application.port.ConnectionSource;
import com.cpsync.console.application.reconciliation.ReconcileTenant;
import com.cpsync.console.domain.reconciliation.DailySlot;
import com.cpsync.console.domain.tenant.ConnectionState;

/** Once a minute: starts the daily reconciliation of each connected tenant whose minute it is (DailySlot). */
public record DailyReconciliationScheduler(ConnectionSource connections, ReconcileTenant reconcile, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(DailyReconciliationScheduler.class);

    @Scheduled(cron = "0 * * * * *", zone = "UTC")
    void startDue() {
        try {
            connections.connections().stream().filter(ConnectionState::connected)
                    .filter(connection -> DailySlot.isDue(connection.tenantId(), clock.instant()))
                    .forEach(connection -> reconcile.start(connection.tenantId(), "daily schedule"));
        }
        catch (RuntimeException ex) {
            // mapping-service or the database did not answer: the tenants of this minute wait for tomorrow's
            log.warn("Daily reconciliations of this minute not started: {}", ex.getMessage());
        }
    }
}
