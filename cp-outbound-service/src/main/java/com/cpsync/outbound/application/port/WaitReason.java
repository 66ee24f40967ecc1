package com.cpsync.outbound.application.port;

/** Why a tenant's work must wait instead of failing. */
public enum WaitReason {
    /** QBO answered 429 (throttled): wait Retry-After, else the facts file's 60 s. */
    THROTTLED,
    /** The local per-realm limiter has no permit right now. */
    REALM_BUSY,
    /** 5xx, I/O error or an open circuit breaker: exponential backoff. */
    FAILING,
    /** mapping-service says the tenant is not connected: poll again later. */
    DISCONNECTED
}
