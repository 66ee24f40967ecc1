package com.cpsync.sandbox.domain.faults;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * Faults, limits and preferences of one realm ({@code PUT /admin/realms/{realmId}/faults}). The defaults are
 * QBO's as documented (qbo-api-facts.md §7 and §11): its limits, no {@code Retry-After} on a 429, requestid
 * replayed, a duplicate DocNumber refused (6140), Pacific time; no injected fault.
 *
 * @param retryAfter whether a 429 carries {@code Retry-After} (QBO documents none: "wait 60 seconds")
 * @param requestIdReplay false: the realm ignores {@code requestid}, so a retried create creates again
 * @param lostReplyRate share of writes that are applied but whose reply is lost (see {@code lostReply})
 * @param timeoutRate share of writes that are applied but answered only after {@code timeoutMs}
 * @param timeZone the company's zone: {@code MetaData} times and a CDC {@code changedSince} without offset
 * @param seed makes the random faults reproducible (null: unseeded)
 */
public record FaultSettings(long latencyMs, double errorRate, int errorStatus, Instant outageUntil,
                            int requestsPerMinute, int requestsPerSecond, int batchesPerMinute,
                            Long accessTokenTtlSeconds, boolean throttleBodyXml, boolean retryAfter,
                            boolean requestIdReplay, double lostReplyRate, LostReply lostReply,
                            double timeoutRate, long timeoutMs, DuplicateDocNumbers duplicateDocNumbers,
                            ZoneId timeZone, Long seed) {

    /** REJECT: a DocNumber in use is refused with 6140; ALLOW: the company preference is off, so it is accepted. */
    public enum DuplicateDocNumbers { REJECT, ALLOW }

    /** How the caller meets a lost reply: a gateway's 502, or the connection closed with no answer. */
    public enum LostReply { BAD_GATEWAY, CLOSE }

    /** QBO: "requests that run over 120 s time out". */
    public static final long QBO_TIMEOUT_MS = 120_000;

    public FaultSettings {
        requireRate("errorRate", errorRate);
        requireRate("lostReplyRate", lostReplyRate);
        requireRate("timeoutRate", timeoutRate);
        require(latencyMs >= 0 && timeoutMs >= 0, "latencyMs and timeoutMs cannot be negative");
        require(errorStatus >= 400 && errorStatus <= 599, "errorStatus must be an HTTP error status (400-599)");
        require(requestsPerMinute > 0 && requestsPerSecond > 0 && batchesPerMinute > 0, "limits must be positive");
        require(accessTokenTtlSeconds == null || accessTokenTtlSeconds > 0, "accessTokenTtlSeconds must be positive");
        Objects.requireNonNull(lostReply, "lostReply");
        Objects.requireNonNull(duplicateDocNumbers, "duplicateDocNumbers");
        Objects.requireNonNull(timeZone, "timeZone");
    }

    public static FaultSettings qboDefaults() {
        return new FaultSettings(0, 0.0, 503, null, 500, 10, 40, null, false, false, true, 0.0, LostReply.BAD_GATEWAY,
                0.0, QBO_TIMEOUT_MS, DuplicateDocNumbers.REJECT, ZoneId.of("America/Los_Angeles"), null);
    }

    public boolean inOutage(Instant now) {
        return outageUntil != null && now.isBefore(outageUntil);
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    private static void requireRate(String name, double rate) {
        require(rate >= 0.0 && rate <= 1.0, name + " must be between 0 and 1");
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** A copy with some settings changed; {@link #build()} validates. */
    public static final class Builder {
        private long latencyMs;
        private double errorRate;
        private int errorStatus;
        private Instant outageUntil;
        private int requestsPerMinute;
        private int requestsPerSecond;
        private int batchesPerMinute;
        private Long accessTokenTtlSeconds;
        private boolean throttleBodyXml;
        private boolean retryAfter;
        private boolean requestIdReplay;
        private double lostReplyRate;
        private LostReply lostReply;
        private double timeoutRate;
        private long timeoutMs;
        private DuplicateDocNumbers duplicateDocNumbers;
        private ZoneId timeZone;
        private Long seed;

        private Builder(FaultSettings s) {
            latencyMs = s.latencyMs;
            errorRate = s.errorRate;
            errorStatus = s.errorStatus;
            outageUntil = s.outageUntil;
            requestsPerMinute = s.requestsPerMinute;
            requestsPerSecond = s.requestsPerSecond;
            batchesPerMinute = s.batchesPerMinute;
            accessTokenTtlSeconds = s.accessTokenTtlSeconds;
            throttleBodyXml = s.throttleBodyXml;
            retryAfter = s.retryAfter;
            requestIdReplay = s.requestIdReplay;
            lostReplyRate = s.lostReplyRate;
            lostReply = s.lostReply;
            timeoutRate = s.timeoutRate;
            timeoutMs = s.timeoutMs;
            duplicateDocNumbers = s.duplicateDocNumbers;
            timeZone = s.timeZone;
            seed = s.seed;
        }

        public Builder latencyMs(long value) {
            latencyMs = value;
            return this;
        }

        public Builder errorRate(double value) {
            errorRate = value;
            return this;
        }

        public Builder errorStatus(int value) {
            errorStatus = value;
            return this;
        }

        public Builder outageUntil(Instant value) {
            outageUntil = value;
            return this;
        }

        public Builder requestsPerMinute(int value) {
            requestsPerMinute = value;
            return this;
        }

        public Builder requestsPerSecond(int value) {
            requestsPerSecond = value;
            return this;
        }

        public Builder batchesPerMinute(int value) {
            batchesPerMinute = value;
            return this;
        }

        public Builder accessTokenTtlSeconds(Long value) {
            accessTokenTtlSeconds = value;
            return this;
        }

        public Builder throttleBodyXml(boolean value) {
            throttleBodyXml = value;
            return this;
        }

        public Builder retryAfter(boolean value) {
            retryAfter = value;
            return this;
        }

        public Builder requestIdReplay(boolean value) {
            requestIdReplay = value;
            return this;
        }

        public Builder lostReplyRate(double value) {
            lostReplyRate = value;
            return this;
        }

        public Builder lostReply(LostReply value) {
            lostReply = value;
            return this;
        }

        public Builder timeoutRate(double value) {
            timeoutRate = value;
            return this;
        }

        public Builder timeoutMs(long value) {
            timeoutMs = value;
            return this;
        }

        public Builder duplicateDocNumbers(DuplicateDocNumbers value) {
            duplicateDocNumbers = value;
            return this;
        }

        public Builder timeZone(ZoneId value) {
            timeZone = value;
            return this;
        }

        public Builder seed(Long value) {
            seed = value;
            return this;
        }

        public FaultSettings build() {
            return new FaultSettings(latencyMs, errorRate, errorStatus, outageUntil, requestsPerMinute, requestsPerSecond,
                    batchesPerMinute, accessTokenTtlSeconds, throttleBodyXml, retryAfter, requestIdReplay, lostReplyRate,
                    lostReply, timeoutRate, timeoutMs, duplicateDocNumbers, timeZone, seed);
        }
    }
}
