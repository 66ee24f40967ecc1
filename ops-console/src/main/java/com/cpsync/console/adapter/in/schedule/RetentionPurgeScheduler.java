package com.cpsync.console.adapter.in.schedule;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.scheduling.annotation.Scheduled;

import com.cpsync.console.application.PurgeExpired;

/** Deletes what is past the retention, once at start and then every {@code app.retention.purge-interval}. */
public class RetentionPurgeScheduler {

    private static final Logger log = LoggerFactory.getLogger(RetentionPurgeScheduler.class);

    private final PurgeExpired purgeExpired;

    public RetentionPurgeScheduler(PurgeExpired purgeExpired) {
        this.purgeExpired = purgeExpired;
    }

    @Scheduled(initialDelayString = "${app.retention.first-purge-after:1m}",
            fixedDelayString = "${app.retention.purge-interval}")
    void purge() {
        try {
            PurgeExpired.Purged purged = purgeExpired.purge();
            log.info("Retention: deleted {} outcomes and {} dead letters from before {}", purged.outcomes(),
                    purged.deadLetters(), purged.cutoff());
        }
        catch (RuntimeException ex) {
            // the next run tries again; a failed purge only keeps rows a little longer
            log.warn("Retention purge failed: {}", ex.getMessage());
        }
    }
}
