package com.cpsync.sandbox.domain.webhook;

/**
 * Delivery faults of the webhook sender ({@code PUT /admin/webhooks}): Intuit promises neither exactly
 * once nor order, and POSTs can be missed (qbo-api-facts.md §1 and §11.7). None by default.
 *
 * @param duplicates each POST is sent this many times (1: once)
 * @param shuffle POSTs may be held back so later ones overtake them
 * @param dropRate share of POSTs never sent
 * @param seed makes drops and order reproducible (null: unseeded)
 */
public record WebhookFaults(int duplicates, boolean shuffle, double dropRate, Long seed) {

    public static final WebhookFaults NONE = new WebhookFaults(1, false, 0.0, null);
    static final int MAX_DUPLICATES = 100;

    public WebhookFaults {
        if (duplicates < 1 || duplicates > MAX_DUPLICATES) {
            throw new IllegalArgumentException("duplicates must be between 1 and " + MAX_DUPLICATES);
        }
        if (dropRate < 0.0 || dropRate > 1.0) {
            throw new IllegalArgumentException("dropRate must be between 0 and 1");
        }
    }
}
