package com.cpsync.syncsupport.tracing;

import java.util.function.Supplier;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.otel.bridge.OtelCurrentTraceContext;
import io.micrometer.tracing.otel.bridge.OtelTracer;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TraceIdsTest {

    private final Tracer tracer = new OtelTracer(SdkTracerProvider.builder().build().get("test"),
            new OtelCurrentTraceContext(), event -> { });

    @Test
    void shouldAnswerTheTraceIdOfTheSpanInScope() {
        Supplier<String> current = TraceIds.current(tracer);
        Span span = tracer.nextSpan().name("event").start();

        try (Tracer.SpanInScope scope = tracer.withSpan(span)) {
            assertThat(current.get()).isEqualTo(span.context().traceId()).matches("[0-9a-f]{32}");
        }
        finally {
            span.end();
        }
    }

    @Test
    void shouldAnswerNullOutsideAnySpan() {
        assertThat(TraceIds.current(tracer).get()).isNull();
    }
}
