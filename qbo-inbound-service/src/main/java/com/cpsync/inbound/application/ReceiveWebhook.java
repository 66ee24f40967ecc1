package com.cpsync.inbound.application;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.inbound.domain.webhook.ParsedWebhook;
import com.cpsync.inbound.domain.webhook.WebhookSignature;

/**
 * Webhook ingress use case: verify, parse, publish. No QBO call happens here: the request must be
 * answered well within Intuit's 3 s, and a 200 promises that the changes are durable in Kafka.
 */
public class ReceiveWebhook {

    private static final Logger log = LoggerFactory.getLogger(ReceiveWebhook.class);

    /** What became of one webhook delivery. */
    public sealed interface Receipt {

        /** @param ignored the events left out, each with why */
        record Accepted(int changes, List<String> ignored) implements Receipt {
        }

        record Unauthorized() implements Receipt {
        }
    }

    private final WebhookSignature signature;
    private final WebhookPayloads payloads;
    private final ChangePublisher publisher;
    private final Clock clock;

    public ReceiveWebhook(WebhookSignature signature, WebhookPayloads payloads, ChangePublisher publisher,
            Clock clock) {
        this.signature = signature;
        this.payloads = payloads;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Completes after the broker acknowledged every change; fails on a malformed body or a failed send. */
    public CompletableFuture<Receipt> receive(byte[] rawBody, String signatureHeader) {
        if (!signature.verifies(rawBody, signatureHeader)) {
            return CompletableFuture.completedFuture(new Receipt.Unauthorized());
        }
        ParsedWebhook parsed = payloads.parse(rawBody, clock.instant());
        if (!parsed.ignored().isEmpty()) {
            log.warn("webhook events ignored: {}", parsed.ignored());
        }
        return publisher.publish(parsed.changes())
                .thenApply(done -> new Receipt.Accepted(parsed.changes().size(), parsed.ignored()));
    }
}
