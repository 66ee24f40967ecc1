package com.cpsync.inbound.application;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.inbound.domain.webhook.ParsedWebhook;
import com.cpsync.inbound.domain.webhook.RejectedEvent;
import com.cpsync.inbound.domain.webhook.WebhookSignature;

/**
 * Webhook ingress use case: verify, parse, publish. No QBO call happens here: the request must be
 * answered well within Intuit's 3 s, and a 200 promises that the valid changes are durable in Kafka.
 * Each event that cannot be read is counted and logged (without its body) and the others are published.
 */
public record ReceiveWebhook(WebhookSignature signature, WebhookPayloads payloads, ChangePublisher publisher,
        WebhookMetrics metrics, Clock clock) {

    private static final Logger log = LoggerFactory.getLogger(ReceiveWebhook.class);

    /** What became of one webhook delivery. */
    public sealed interface Receipt {

        /** @param rejected the events left out, each with why */
        record Accepted(int changes, List<RejectedEvent> rejected) implements Receipt {
        }

        record Unauthorized() implements Receipt {
        }
    }

    /**
     * Completes after the broker acknowledged every valid change. Fails with a
     * {@code MalformedWebhookException} when the body holds no events at all, and with
     * {@link ChangesNotStoredException} when the broker did not take the changes.
     */
    public CompletableFuture<Receipt> receive(byte[] rawBody, String signatureHeader) {
        if (!signature.verifies(rawBody, signatureHeader)) {
            return CompletableFuture.completedFuture(new Receipt.Unauthorized());
        }
        ParsedWebhook parsed = payloads.parse(rawBody, clock.instant());
        parsed.rejected().forEach(this::rejected);
        return publish(parsed).thenApply(done -> new Receipt.Accepted(parsed.changes().size(), parsed.rejected()));
    }

    private void rejected(RejectedEvent event) {
        metrics.eventRejected(event.reason());
        log.warn("webhook event rejected: {} {}: {}", event.at(), event.reason().tag(), event.detail());
    }

    private CompletableFuture<Void> publish(ParsedWebhook parsed) {
        CompletableFuture<Void> sent;
        try {
            sent = publisher.publish(parsed.changes());
        }
        catch (RuntimeException failedToSend) {
            return CompletableFuture.failedFuture(new ChangesNotStoredException(failedToSend));
        }
        return sent.exceptionallyCompose(failure -> CompletableFuture.failedFuture(new ChangesNotStoredException(
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure)));
    }
}
