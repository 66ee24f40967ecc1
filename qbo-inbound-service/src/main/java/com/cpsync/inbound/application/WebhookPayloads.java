package com.cpsync.inbound.application;

import java.time.Instant;

import com.cpsync.inbound.domain.webhook.MalformedWebhookException;
import com.cpsync.inbound.domain.webhook.ParsedWebhook;

/** Reads a webhook body (legacy or CloudEvents) into entity changes and the events left out. */
public interface WebhookPayloads {

    /**
     * Never fails for one bad event: it is returned among the rejected ones.
     *
     * @throws MalformedWebhookException when the body holds no events at all (not JSON, neither format)
     */
    ParsedWebhook parse(byte[] body, Instant receivedAt);
}
