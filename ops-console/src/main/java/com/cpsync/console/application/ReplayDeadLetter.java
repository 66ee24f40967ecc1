package com.cpsync.console.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.DeadLetterStore;
import com.cpsync.console.application.port.Republisher;
import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.deadletter.DeadLetterRecord;
import com.cpsync.console.domain.deadletter.ReplayDecision;

/**
 * Re-publishes a dead letter to its original topic, once: the store's claim makes a second click (or two
 * operators at once) an {@code ALREADY_REPLAYED}, and a send that failed gives the claim back. Every request is
 * audited, whatever its result.
 */
public record ReplayDeadLetter(DeadLetterStore store, Republisher republisher, AuditLog audit, Clock clock) {

    public static final String ACTION = "REPLAY_DEAD_LETTER";
    /** One click replays at most this many; the next click takes the rest. */
    static final int REPLAY_ALL_LIMIT = 500;

    public ReplayResult replay(long id, String actor) {
        ReplayResult result = attempt(id, actor);
        audit.record(new AuditEntry(actor, clock.instant(), ACTION, "dead-letter " + id, result.name(),
                detail(result)));
        return result;
    }

    /** Replays every dead letter of the tenant not replayed yet, each once, each audited; the results by id. */
    public Map<Long, ReplayResult> replayAll(String tenantId, String actor) {
        Map<Long, ReplayResult> results = new LinkedHashMap<>();
        store.list(tenantId, REPLAY_ALL_LIMIT).stream().filter(letter -> !letter.replayed())
                .forEach(letter -> results.put(letter.id(), replay(letter.id(), actor)));
        return results;
    }

    private ReplayResult attempt(long id, String actor) {
        Optional<DeadLetterRecord> stored = store.find(id);
        if (stored.isEmpty()) {
            return new ReplayResult.NotFound(id);
        }
        ReplayDecision decision = ReplayDecision.decide(stored.get());
        if (decision instanceof ReplayDecision.AlreadyReplayed already) {
            return new ReplayResult.AlreadyReplayed(already.at(), already.by());
        }
        if (decision instanceof ReplayDecision.NotReplayable notReplayable) {
            return new ReplayResult.NotReplayable(notReplayable.reason());
        }
        ReplayDecision.Send send = (ReplayDecision.Send) decision;
        Instant now = clock.instant();
        if (!store.claimReplay(id, actor, now)) {
            return store.find(id).map(letter -> (ReplayResult) new ReplayResult.AlreadyReplayed(
                    letter.letter().replayedAt(), letter.letter().replayedBy())).orElse(new ReplayResult.NotFound(id));
        }
        try {
            republisher.send(send.replay());
        }
        catch (RuntimeException ex) {
            store.releaseClaim(id);
            return new ReplayResult.SendFailed(String.valueOf(ex.getMessage()));
        }
        store.replayed(id, now);
        return new ReplayResult.Replayed(send.replay().topic());
    }

    private static String detail(ReplayResult result) {
        if (result instanceof ReplayResult.Replayed replayed) {
            return "re-published to " + replayed.topic();
        }
        if (result instanceof ReplayResult.AlreadyReplayed already) {
            return "replayed before by " + already.by() + " at " + already.at();
        }
        if (result instanceof ReplayResult.NotReplayable notReplayable) {
            return notReplayable.reason();
        }
        if (result instanceof ReplayResult.SendFailed failed) {
            return failed.reason();
        }
        return "no such dead letter";
    }
}
