package com.cpsync.deploy.chaos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.deploy.chaos.adapter.ConsumerLag;
import com.cpsync.deploy.chaos.adapter.SnapshotReader;
import com.cpsync.deploy.chaos.audit.AuditReport;
import com.cpsync.deploy.chaos.audit.Auditor;
import com.cpsync.deploy.chaos.audit.CenterpointSnapshot;
import com.cpsync.deploy.chaos.audit.PlayedStep;
import com.cpsync.deploy.chaos.audit.QboSnapshot;
import com.cpsync.deploy.chaos.workload.Workload;
import com.cpsync.deploy.demo.ExpectationNotMetException;

/**
 * Waits until the stack has settled ({@link Quiescence}: no consumer lag and nothing changing for the
 * quiet period) or the settle timeout passed, polling the snapshots, and hands over the last ones.
 */
final class Settling {

    private static final Logger log = LoggerFactory.getLogger(Settling.class);

    /** The snapshots to audit, and whether the stack had settled when they were taken. */
    record Settled(QboSnapshot qbo, CenterpointSnapshot centerpoint, boolean settled) {
    }

    private final Workload workload;
    private final SnapshotReader reader;
    private final ConsumerLag lag;
    private final Duration quietPeriod;
    private final Duration timeout;

    Settling(Workload workload, SnapshotReader reader, ConsumerLag lag, Duration quietPeriod, Duration timeout) {
        this.workload = workload;
        this.reader = reader;
        this.lag = lag;
        this.quietPeriod = quietPeriod;
        this.timeout = timeout;
    }

    Settled await(List<PlayedStep> played) {
        Quiescence quiescence = new Quiescence(quietPeriod);
        Instant deadline = Instant.now().plus(timeout);
        log.info("Waiting for the stack to settle (at most {} s)", timeout.toSeconds());
        while (true) {
            QboSnapshot qbo;
            CenterpointSnapshot centerpoint;
            try {
                qbo = reader.qbo();
                centerpoint = reader.centerpoint();
            }
            catch (ExpectationNotMetException ex) {
                if (Instant.now().isAfter(deadline)) {
                    throw ex;
                }
                log.info("reading the snapshots failed, reading again: {}", ex.getMessage());
                Pause.of(Duration.ofSeconds(3));
                continue;
            }
            AuditReport report = Auditor.audit(workload, played, qbo, centerpoint);
            Map<String, Long> lagging = new LinkedHashMap<>(lag.byGroup());
            lagging.values().removeIf(value -> value == 0);
            long totalLag = lagging.values().stream().mapToLong(Long::longValue).reduce(0, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (quiescence.observe(Instant.now(), fingerprint(qbo, centerpoint), totalLag, report.clean())) {
                log.info("Settled: no consumer lag, nothing changed for the quiet period");
                return new Settled(qbo, centerpoint, true);
            }
            if (Instant.now().isAfter(deadline)) {
                log.warn("Did not settle within {} s (lagging groups: {}); auditing what is there", timeout.toSeconds(),
                        lagging);
                return new Settled(qbo, centerpoint, false);
            }
            log.info("not settled yet: {}; lagging groups {}", report.finalLine(), lagging);
            Pause.of(Duration.ofSeconds(3));
        }
    }

    private static String fingerprint(QboSnapshot qbo, CenterpointSnapshot centerpoint) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(qbo.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(centerpoint.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
