package com.cpsync.inbound.application;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.webhook.WebhookPayloadParser;
import com.cpsync.inbound.domain.webhook.WebhookSignature;

/**
 * Webhook ingress use case: verify, parse, publish. No QBO call happens here: the request must be
 * answered well within Intuit's 3 s, and a 200 promises that the changes are durable in Kafka.
 */
public class ReceiveWebhook {

    /** What became of one webhook delivery. */
    public sealed interface Receipt {
        record Accepted(int changes) implements Receipt {
        }

        record Unauthorized() implements Receipt {
        }
    }

    private final WebhookSignature signature;
    private final WebhookPayloadParser parser;
    private final ChangePublisher publisher;
    private final Clock clock;

    public ReceiveWebhook(WebhookSignature signature, WebhookPayloadParser parser, ChangePublisher publisher,
            Clock clock) {
        this.signature = signature;
        this.parser = parser;
        this.publisher = publisher;
        this.clock = clock;
    }

    /** Completes after the broker acknowledged every change; fails on a malformed body or a failed send. */
    public CompletableFuture<Receipt> receive(byte[] rawBody, String signatureHeader) {
        if (!signature.verifies(rawBody, signatureHeader)) {
            return CompletableFuture.completedFuture(new Receipt.Unauthorized());
        }
        List<EntityChange> changes = parser.parse(rawBody, clock.instant());
        return publisher.publish(changes).thenApply(done -> new Receipt.Accepted(changes.size()));
    }
}
