package com.cpsync.inbound.application;

import com.cpsync.inbound.domain.webhook.RejectionReason;

/** Counters of the webhook ingress ({@code qbo_webhook_events_rejected_total{reason}} in production). */
public interface WebhookMetrics {

    void eventRejected(RejectionReason reason);
}
