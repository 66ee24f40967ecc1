package com.cpsync.syncsupport.tracing;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QboHttpObservationTest {

    @Test
    void shouldTagTheCallWithoutRealmOrEntityIds() {
        assertThat(uriOf("http://qbo/v3/company/9341455/customer/58?minorversion=75"))
                .isEqualTo("/v3/company/{realmId}/customer/{id}");
        assertThat(uriOf("http://qbo/v3/company/9341455/customer?requestid=ev-1&minorversion=75"))
                .isEqualTo("/v3/company/{realmId}/customer");
        assertThat(uriOf("http://qbo/v3/company/realm-ab12/query?query=select")).isEqualTo("/v3/company/{realmId}/query");
    }

    @Test
    void shouldObserveEachCallUnderItsOwnName() throws IOException, InterruptedException {
        HttpServer qbo = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        qbo.createContext("/", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        qbo.start();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        ObservationRegistry observations = ObservationRegistry.create();
        observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
        try {
            HttpClient observed = QboHttpObservation.observe(HttpClient.newHttpClient(), meters, observations);
            URI uri = URI.create("http://127.0.0.1:" + qbo.getAddress().getPort() + "/v3/company/9341455/customer/58");

            observed.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding());
        }
        finally {
            qbo.stop(0);
        }

        assertThat(meters.get(QboHttpObservation.NAME).tag("uri", "/v3/company/{realmId}/customer/{id}")
                .tag("status", "200").timer().count()).isEqualTo(1);
        assertThat(meters.find("http.client.requests").timer()).isNull();
    }

    private static String uriOf(String uri) {
        return QboHttpObservation.uriTemplate(HttpRequest.newBuilder(URI.create(uri)).build());
    }
}
