package com.cpsync.inbound.adapter.in.web;

import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts and logs each refused POST: {@code qbo_webhook_requests_refused_total{reason}}, every reason at 0
 * from start-up. The log line names the reason and what was wrong, never the body or the signature.
 */
public class WebhookRefusals {

    public static final String REFUSED = "qbo_webhook_requests_refused";

    private static final Logger log = LoggerFactory.getLogger(WebhookRefusals.class);

    private final Map<WebhookRefusal, Counter> refused = new EnumMap<>(WebhookRefusal.class);

    public WebhookRefusals(MeterRegistry meters) {
        for (WebhookRefusal reason : WebhookRefusal.values()) {
            refused.put(reason, Counter.builder(REFUSED).tag("reason", reason.tag())
                    .description("webhook POSTs answered other than 200, by reason").register(meters));
        }
    }

    void refused(WebhookRefusal reason, String detail) {
        refused.get(reason).increment();
        log.warn("webhook POST refused: {} {}: {}", reason.status(), reason.tag(), detail);
    }
}
