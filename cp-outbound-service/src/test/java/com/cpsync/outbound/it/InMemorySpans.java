package com.cpsync.outbound.it;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's finished spans, kept in memory (Boot adds every SpanExporter bean to the tracer). */
@TestConfiguration(proxyBeanMethods = false)
class InMemorySpans {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
        return InMemorySpanExporter.create();
    }
}
