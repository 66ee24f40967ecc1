package com.cpsync.inbound.adapter.in.web;

import java.util.Locale;

/**
 * Why a whole webhook POST was not answered 200: the fixed tags of
 * {@code qbo_webhook_requests_refused_total{reason}}. One bad event in a readable POST is not this, but
 * {@code qbo_webhook_events_rejected_total{reason}}.
 */
public enum WebhookRefusal {

    /** 415: a content type or content coding the ingress does not read. */
    UNSUPPORTED_MEDIA_TYPE(415),
    /** 413: larger than {@code app.webhook.max-body-size}. */
    BODY_TOO_LARGE(413),
    /** 401: {@code intuit-signature} missing or not the body's. */
    INVALID_SIGNATURE(401),
    /** 400: a signed body that holds no events at all. */
    MALFORMED_WEBHOOK(400),
    /** 503: Kafka did not take the changes in time; Intuit retries. */
    NOT_PUBLISHED(503);

    private final int status;

    WebhookRefusal(int status) {
        this.status = status;
    }

    /** The metric tag: the name in lower case. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }

    public int status() {
        return status;
    }
}
