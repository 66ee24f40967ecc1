package com.cpsync.outbound.application.port;

import java.time.Duration;

/**
 * Thrown by the QBO and mapping-service adapters when the tenant's work cannot go on now but will
 * later; the worker parks the tenant instead of producing an outcome. {@code hint} is a server-given
 * wait (Retry-After), or null.
 */
public class TenantMustWait extends RuntimeException {

    private final WaitReason reason;
    private final Duration hint;

    public TenantMustWait(WaitReason reason, Duration hint, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.hint = hint;
    }

    public WaitReason reason() {
        return reason;
    }

    public Duration hint() {
        return hint;
    }
}
