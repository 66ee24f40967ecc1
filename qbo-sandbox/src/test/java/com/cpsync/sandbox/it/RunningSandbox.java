package com.cpsync.sandbox.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;

import com.cpsync.sandbox.QboSandboxApplication;
import com.cpsync.sandbox.config.AdjustableClock;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The sandbox as its users meet it, started once per test run in-process on a random port with a clock
 * the tests move, plus a webhook receiver. JUnit closes it after the last IT (see {@link SandboxExtension}).
 */
final class RunningSandbox implements AutoCloseable {

    private static RunningSandbox instance;

    final AdjustableClock clock = new AdjustableClock();
    final WebhookReceiver webhooks;
    final ConfigurableApplicationContext app;
    final String baseUrl;
    final WebTestClient client;

    private RunningSandbox() {
        try {
            webhooks = WebhookReceiver.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        app = new SpringApplicationBuilder(QboSandboxApplication.class)
                .initializers(ctx -> ctx.getBeanFactory().registerSingleton("sandboxClock", clock))
                .properties("server.port=0", "spring.main.banner-mode=off",
                        "sandbox.webhooks.aggregation-window=50ms", "sandbox.webhooks.retry-delays=100ms,100ms,200ms")
                .run();
        baseUrl = "http://localhost:" + app.getEnvironment().getProperty("local.server.port");
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
