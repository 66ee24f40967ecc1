package com.cpsync.sandbox.domain.faults;

/** The gateway's verdict on one API call: answered at once without reaching the realm, or let through. */
public sealed interface Admission {

    enum Reason { OUTAGE, THROTTLED, INJECTED_ERROR }

    /**
     * Answered with {@code status} and no work done.
     *
     * @param retryAfterSeconds the {@code Retry-After} of a throttle, null when none is sent
     * @param xmlBody a throttle answered with QBO's XML fault body
     */
    record Refused(Reason reason, int status, Long retryAfterSeconds, boolean xmlBody) implements Admission {
    }

    /** Handled after {@code latencyMs}; its reply then meets {@code reply}. */
    record Admitted(long latencyMs, ReplyFault reply) implements Admission {
    }
}
