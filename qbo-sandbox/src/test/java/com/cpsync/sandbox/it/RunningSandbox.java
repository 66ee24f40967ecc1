package com.cpsync.sandbox.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Map;

import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.testsupport.AdjustableClock;
import com.cpsync.testsupport.apps.InProcessApp;

import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sandbox as its users meet it, started once per test run in-process on a random port with a clock
 * the tests move, plus a webhook receiver. JUnit closes it after the last IT (see {@link SandboxExtension}).
 */
final class RunningSandbox implements AutoCloseable {

    private static RunningSandbox instance;

    final AdjustableClock clock = new AdjustableClock();
    final WebhookReceiver webhooks;
    final InProcessApp app;
    final String baseUrl;
    final WebTestClient client;

    private RunningSandbox() {
        try {
            webhooks = WebhookReceiver.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = InProcessApp.start(QboSandboxApplication.class, Map.of("sandboxClock", clock),
                "--sandbox.webhooks.aggregation-window=50ms", "--sandbox.webhooks.retry-delays=100ms,100ms,200ms");
        baseUrl = app.url();
        client = WebTestClient.bindToServer()
                .baseUrl(baseUrl)
                .responseTimeout(Duration.ofSeconds(20))
                .codecs(c -> c.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build();
    }

    static synchronized RunningSandbox get() {
        if (instance == null) {
            instance = new RunningSandbox();
        }
        return instance;
    }

    @Override
    public void close() {
        synchronized (RunningSandbox.class) {
            app.close();
            webhooks.close();
            instance = null;
        }
    }
}
