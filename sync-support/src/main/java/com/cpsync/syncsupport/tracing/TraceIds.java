package com.cpsync.syncsupport.tracing;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;

/** The calling thread's trace id, as the outcome publisher stamps it on each record. */
public final class TraceIds {

    private TraceIds() {
    }

    /** The current span's trace id (32 hex digits with OpenTelemetry), or null outside any span. */
    public static Supplier<String> current(Tracer tracer) {
        return () -> {
            Span span = tracer.currentSpan();
            return span == null ? null : span.context().traceId();
        };
    }
}
