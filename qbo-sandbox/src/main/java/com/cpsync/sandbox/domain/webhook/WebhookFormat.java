package com.cpsync.sandbox.domain.webhook;

/** Intuit's two webhook payloads: CloudEvents (current) and legacy {@code eventNotifications}. */
public enum WebhookFormat { CLOUDEVENTS, LEGACY }
