package com.cpsync.sandbox.domain.faults;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import com.cpsync.sandbox.domain.Dice;

/**
 * Decides for each API call of one realm what its gateway does: refuse it (outage, throttle, injected
 * error) or let it through, and whether its reply then comes late or is lost. Every call rolls each dice
 * once, so the n-th call of a seeded realm meets the same faults in every run.
 */
public final class RealmFaults {

    private final RateLimiter limiter = new RateLimiter();
    private volatile FaultSettings settings;
    private Dice errors;
    private Dice lostReplies;
    private Dice timeouts;

    public RealmFaults(FaultSettings settings) {
        this.settings = settings;
        reseed(settings.seed());
    }

    public FaultSettings settings() {
        return settings;
    }

    /** New settings; with {@code reseed} the dice start again from the settings' seed. */
    public synchronized void update(FaultSettings newSettings, boolean reseed) {
        settings = newSettings;
        if (reseed) {
            reseed(newSettings.seed());
        }
    }

    /** Back to the defaults: empty rate windows, unseeded dice. */
    public synchronized void reset(FaultSettings defaults) {
        settings = defaults;
        limiter.reset();
        reseed(defaults.seed());
    }

    public Admission admit(Instant now, CallKind kind) {
        FaultSettings s = settings;
        double error;
        double lost;
        double late;
        synchronized (this) {
            error = errors.next();
            lost = lostReplies.next();
            late = timeouts.next();
        }
        if (s.inOutage(now)) {
            return new Admission.Refused(Admission.Reason.OUTAGE, s.errorStatus(), null, false);
        }
        Optional<Duration> wait = limiter.tryAcquire(now, s.requestsPerSecond(), s.requestsPerMinute());
        if (wait.isEmpty() && kind == CallKind.BATCH) {
            wait = limiter.tryAcquireBatch(now, s.batchesPerMinute());
        }
        if (wait.isPresent()) {
            return new Admission.Refused(Admission.Reason.THROTTLED, 429,
                    s.retryAfter() ? wholeSeconds(wait.get()) : null, s.throttleBodyXml());
        }
        if (error < s.errorRate()) {
            return new Admission.Refused(Admission.Reason.INJECTED_ERROR, s.errorStatus(), null, false);
        }
        return new Admission.Admitted(s.latencyMs(), replyFault(s, kind, lost, late));
    }

    private static ReplyFault replyFault(FaultSettings s, CallKind kind, double lost, double late) {
        if (!kind.changesBooks()) {
            return ReplyFault.NONE;
        }
        if (lost < s.lostReplyRate()) {
            return ReplyFault.lost(s.lostReply());
        }
        return late < s.timeoutRate() ? ReplyFault.late(s.timeoutMs()) : ReplyFault.NONE;
    }

    private static long wholeSeconds(Duration wait) {
        return Math.max(1, (wait.toMillis() + 999) / 1000);
    }

    private void reseed(Long seed) {
        errors = new Dice(seed, "errorRate");
        lostReplies = new Dice(seed, "lostReplyRate");
        timeouts = new Dice(seed, "timeoutRate");
    }
}
