package com.cpsync.inbound.adapter.out.metrics;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

import com.cpsync.inbound.application.WebhookMetrics;
import com.cpsync.inbound.domain.webhook.RejectionReason;

/**
 * {@code qbo_webhook_events_rejected_total{reason}}. Every reason is registered at start-up, so each
 * series exists at 0 and an alert on its increase needs no first rejection to appear.
 */
public class MicrometerWebhookMetrics implements WebhookMetrics {

    public static final String REJECTED = "qbo_webhook_events_rejected";

    private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

    public MicrometerWebhookMetrics(MeterRegistry meters) {
        for (RejectionReason reason : RejectionReason.values()) {
            rejected.put(reason, Counter.builder(REJECTED).tag("reason", reason.tag())
                    .description("webhook events left out of an accepted POST, by reason").register(meters));
        }
    }

    @Override
    public void eventRejected(RejectionReason reason) {
        rejected.get(reason).increment();
    }
}
