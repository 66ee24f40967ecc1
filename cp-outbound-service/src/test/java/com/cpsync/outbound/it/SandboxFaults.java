package com.cpsync.outbound.it;

import java.time.Duration;
import java.util.function.Supplier;

import com.cpsync.testsupport.apps.InProcessPeers;

import static org.awaitility.Awaitility.await;

/** Sandbox faults that last for one write: QBO misbehaving once, then well again. */
final class SandboxFaults {

    private SandboxFaults() {
    }

    /** QBO applies the event's first write, but its answer is lost and requestid is not replayed. */
    static String lostReplyOnce(String realm, Supplier<String> action) {
        return duringOneWrite(realm, "{\"requestIdReplay\":false,\"lostReplyRate\":1}", "lostReplies",
                "{\"lostReplyRate\":0}", action);
    }

    /** QBO applies the event's first write, but answers after {@code timeoutMs}; requestid is not replayed. */
    static String lateReplyOnce(String realm, int timeoutMs, Supplier<String> action) {
        return duringOneWrite(realm, "{\"requestIdReplay\":false,\"timeoutRate\":1,\"timeoutMs\":" + timeoutMs + "}",
                "lateReplies", "{\"timeoutRate\":0}", action);
    }

    /**
     * Sets {@code fault} on the realm, runs {@code action} (which publishes an event; its id is returned),
     * waits until the sandbox has applied the fault to one more write ({@code counter} of its stats, e.g.
     * {@code lostReplies}), then sets {@code healed}. A retry that comes before the fault is lifted meets it
     * again, and must end the same way.
     */
    private static String duringOneWrite(String realm, String fault, String counter, String healed, Supplier<String> action) {
        InProcessPeers apps = InProcessPeers.running();
        int before = apps.stats(realm).path(counter).asInt();
        apps.setFaults(realm, fault);
        String eventId = action.get();
        await().atMost(Duration.ofSeconds(30)).until(() -> apps.stats(realm).path(counter).asInt() > before);
        apps.setFaults(realm, healed);
        return eventId;
    }
}
