package com.cpsync.sandbox.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.cpsync.sandbox.config.SandboxProperties;
import com.cpsync.sandbox.domain.ChangeEvent;
import com.cpsync.sandbox.domain.Realm;
import com.cpsync.sandbox.domain.WebhookPayloads;
import com.cpsync.sandbox.domain.WebhookSigner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers change notifications like Intuit: aggregated over a short window, signed, at least once
 * (a non-200 answer or a timeout is retried on the configured schedule, then given up).
 */
public final class WebhookDispatcher implements Realm.ChangeListener, AutoCloseable {

    /** Where and how notifications go ({@code PUT /admin/webhooks}). */
    public record Target(String targetUrl, String verifierToken, WebhookPayloads.Format format, boolean enabled) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_EVENTS_PER_POST = 100;

    private final ConcurrentLinkedQueue<ChangeEvent> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "qbo-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final List<Duration> retryDelays;
    private final Duration timeout;
    private volatile Target target;

    public WebhookDispatcher(SandboxProperties.Webhooks settings) {
        this.retryDelays = List.copyOf(settings.retryDelays());
        this.timeout = settings.timeout();
        boolean hasUrl = settings.targetUrl() != null && !settings.targetUrl().isBlank();
        this.target = new Target(hasUrl ? settings.targetUrl() : null, settings.verifierToken(), settings.format(), hasUrl);
        long window = Math.max(1, settings.aggregationWindow().toMillis());
        scheduler.scheduleWithFixedDelay(this::flush, window, window, TimeUnit.MILLISECONDS);
    }

    public Target target() {
        return target;
    }

    public void target(Target newTarget) {
        this.target = newTarget;
    }

    @Override
    public void changed(ChangeEvent event) {
        if (target.enabled()) {
            pending.add(event);
        }
    }

    private void flush() {
        List<ChangeEvent> events = new ArrayList<>();
        for (ChangeEvent e = pending.poll(); e != null; e = pending.poll()) {
            events.add(e);
        }
        Target t = target;
        if (events.isEmpty() || !t.enabled() || t.targetUrl() == null) {
            return;
        }
        if (t.format() == WebhookPayloads.Format.LEGACY) {
            deliver(t, WebhookPayloads.legacy(events), 0);
            return;
        }
        for (int i = 0; i < events.size(); i += MAX_EVENTS_PER_POST) {
            deliver(t, WebhookPayloads.cloudEvents(events.subList(i, Math.min(events.size(), i + MAX_EVENTS_PER_POST))), 0);
        }
    }

    private void deliver(Target t, String body, int attempt) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        int status;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(t.targetUrl()))
                    .timeout(timeout)
                    .header("Content-Type", t.format() == WebhookPayloads.Format.CLOUDEVENTS
                            ? "application/cloudevents+json" : "application/json")
                    .header("intuit-signature", WebhookSigner.sign(t.verifierToken(), bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            status = -1;
        }
        if (status == 200) {
            return;
        }
        if (attempt < retryDelays.size()) {
            log.info("Webhook delivery to {} failed (status {}), retry {} in {}", t.targetUrl(), status, attempt + 1,
                    retryDelays.get(attempt));
            scheduler.schedule(() -> deliver(t, body, attempt + 1), retryDelays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } else {
            log.warn("Webhook delivery to {} failed {} times; giving up on this notification", t.targetUrl(), attempt + 1);
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
