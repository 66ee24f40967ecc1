package com.cpsync.qbo.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What the client's tests share: a fake QBO per test and a client whose calls are recorded. */
abstract class AgainstFakeQbo {

    static final QboCredentials REALM = new QboCredentials("9341455", "secret-access-token");

    /** Every call the client reported to its listener, as "realm operation status". */
    final List<String> calls = new CopyOnWriteArrayList<>();
    FakeQboServer qbo;
    QboClient client;

    @BeforeEach
    void startFakeQbo() throws IOException {
        qbo = new FakeQboServer();
        client = recordingClient(qbo.baseUrl()).build();
    }

    @AfterEach
    void stopFakeQbo() {
        qbo.close();
    }

    QboClient.Builder recordingClient(URI baseUrl) {
        return QboClient.builder(baseUrl)
                .listener((realm, operation, status, nanos) -> calls.add(realm + " " + operation + " " + status));
    }
}
