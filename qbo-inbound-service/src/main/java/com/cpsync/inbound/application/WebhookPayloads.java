package com.cpsync.inbound.application;

import java.time.Instant;

import com.cpsync.inbound.domain.webhook.MalformedWebhookException;
import com.cpsync.inbound.domain.webhook.ParsedWebhook;

/** Reads a webhook body (legacy or CloudEvents) into entity changes. */
public interface WebhookPayloads {

    /** @throws MalformedWebhookException when the body is neither format */
    ParsedWebhook parse(byte[] body, Instant receivedAt);
}
