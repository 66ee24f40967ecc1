package com.cpsync.sandbox.adapter.out.webhook;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import com.cpsync.sandbox.domain.ChangeEvent;
import com.cpsync.sandbox.domain.webhook.DeliveryPlanner;
import com.cpsync.sandbox.domain.webhook.WebhookFaults;
import com.cpsync.sandbox.domain.webhook.WebhookFormat;
import com.cpsync.sandbox.domain.webhook.WebhookSigner;
import com.cpsync.sandbox.engine.Realm;
import com.cpsync.sandbox.engine.WebhookPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers change notifications like Intuit: aggregated over a short window, signed, at least once (a
 * non-200 answer or a timeout is retried on the configured schedule, then given up), and under the
 * delivery faults set with {@code PUT /admin/webhooks} (duplicated, held back, dropped).
 */
public final class WebhookDispatcher implements Realm.ChangeListener, AutoCloseable {

    /** Where and how notifications go ({@code PUT /admin/webhooks}). */
    public record Target(String targetUrl, String verifierToken, WebhookFormat format, boolean enabled) {
    }

    /** Aggregation window, retry schedule and the wait for the receiver's answer. */
    public record Timing(Duration aggregationWindow, List<Duration> retryDelays, Duration timeout) {
    }

    /**
     * Counters since start: POSTs built, first sends (each duplicate counts), sends answered 200, POSTs
     * dropped, POSTs held back now, sends given up after every retry.
     */
    public record Counters(long posts, long sent, long delivered, long dropped, long held, long failed) {
    }

    private static final Logger log = LoggerFactory.getLogger(WebhookDispatcher.class);
    private static final int MAX_EVENTS_PER_POST = 100;
    private static final int HOLD_WINDOWS = 10;
    private static final int INTERRUPTED = -2;

    private final ConcurrentLinkedQueue<ChangeEvent> pending = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "qbo-sandbox-webhooks");
        t.setDaemon(true);
        return t;
    });
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Timing timing;
    private final DeliveryPlanner<String> planner;
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile Target target;

    public WebhookDispatcher(Target initial, Timing timing) {
        this.target = initial;
        this.timing = new Timing(timing.aggregationWindow(), List.copyOf(timing.retryDelays()), timing.timeout());
        long window = Math.max(1, timing.aggregationWindow().toMillis());
        // a held POST waits for a later one to overtake it, but never longer than a few windows
        this.planner = new DeliveryPlanner<>(Duration.ofMillis(Math.max(1000, HOLD_WINDOWS * window)));
        scheduler.scheduleWithFixedDelay(this::flush, window, window, TimeUnit.MILLISECONDS);
    }

    public Target target() {
        return target;
    }

    public void target(Target newTarget) {
        this.target = newTarget;
    }

    public WebhookFaults faults() {
        return planner.faults();
    }

    /** New delivery faults; with {@code reseed} their dice start again from the seed. */
    public void faults(WebhookFaults faults, boolean reseed) {
        planner.faults(faults, reseed);
    }

    public Counters counters() {
        return new Counters(posts.get(), sent.get(), delivered.get(), planner.dropped(), planner.held(), failed.get());
    }

    @Override
    public void changed(ChangeEvent event) {
        if (target.enabled()) {
            pending.add(event);
        }
    }

    private void flush() {
        try {
            List<ChangeEvent> events = new ArrayList<>();
            for (ChangeEvent e = pending.poll(); e != null; e = pending.poll()) {
                events.add(e);
            }
            Target t = target;
            List<String> bodies = bodies(t.format(), events);
            posts.addAndGet(bodies.size());
            for (String body : planner.plan(bodies, Instant.now())) {
                if (t.enabled() && t.targetUrl() != null) {
                    sent.incrementAndGet();
                    deliver(t, body, 0);
                }
            }
        } catch (RuntimeException e) {
            // a scheduled task that throws is never run again: no webhook would go out any more
            log.error("Webhook flush failed", e);
        }
    }

    private static List<String> bodies(WebhookFormat format, List<ChangeEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        if (format == WebhookFormat.LEGACY) {
            return List.of(WebhookPayloads.legacy(events));
        }
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < events.size(); i += MAX_EVENTS_PER_POST) {
            bodies.add(WebhookPayloads.cloudEvents(events.subList(i, Math.min(events.size(), i + MAX_EVENTS_PER_POST))));
        }
        return bodies;
    }

    private void deliver(Target t, String body, int attempt) {
        int status = send(t, body);
        if (status == INTERRUPTED) {
            return;
        }
        if (status == 200) {
            delivered.incrementAndGet();
            return;
        }
        List<Duration> retryDelays = timing.retryDelays();
        if (attempt < retryDelays.size()) {
            log.info("Webhook delivery to {} failed (status {}), retry {} in {}", t.targetUrl(), status, attempt + 1,
                    retryDelays.get(attempt));
            scheduler.schedule(() -> deliver(t, body, attempt + 1), retryDelays.get(attempt).toMillis(), TimeUnit.MILLISECONDS);
        } else {
            failed.incrementAndGet();
            log.warn("Webhook delivery to {} failed {} times; giving up on this notification", t.targetUrl(), attempt + 1);
        }
    }

    /** The receiver's status, -1 when it did not answer, {@link #INTERRUPTED} when the sandbox is stopping. */
    private int send(Target t, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(t.targetUrl()))
                    .timeout(timing.timeout())
                    .header("Content-Type", t.format() == WebhookFormat.CLOUDEVENTS
                            ? "application/cloudevents+json" : "application/json")
                    .header("intuit-signature", WebhookSigner.sign(t.verifierToken(), bytes))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                    .build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return INTERRUPTED;
        } catch (Exception e) {
            return -1;
        }
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
