package com.cpsync.syncsupport.tracing;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.java11.instrument.binder.jdk.DefaultHttpClientObservationConvention;
import io.micrometer.java11.instrument.binder.jdk.MicrometerHttpClient;
import io.micrometer.observation.ObservationRegistry;

/**
 * Observes each QBO call (Micrometer's JDK HttpClient instrumentation): a client span of the current trace,
 * whose context goes out in the {@code traceparent} header. Its own name, as {@code http.client.requests} is
 * RestClient's with other tags, and a {@code uri} tag without realm or entity ids.
 */
public final class QboHttpObservation extends DefaultHttpClientObservationConvention {

    public static final String NAME = "qbo.http.client.requests";

    private QboHttpObservation() {
    }

    public static HttpClient observe(HttpClient http, MeterRegistry meters, ObservationRegistry observations) {
        return MicrometerHttpClient.instrumentationBuilder(http, meters)
                .observationRegistry(observations)
                .customObservationConvention(new QboHttpObservation())
                .uriMapper(QboHttpObservation::uriTemplate)
                .build();
    }

    @Override
    public String getName() {
        return NAME;
    }

    /** {@code /v3/company/9341455/customer/58?minorversion=75} is {@code /v3/company/{realmId}/customer/{id}}. */
    static String uriTemplate(HttpRequest request) {
        return request.uri().getPath()
                .replaceFirst("^/v3/company/[^/]+", "/v3/company/{realmId}")
                .replaceFirst("/\\d+$", "/{id}");
    }
}
