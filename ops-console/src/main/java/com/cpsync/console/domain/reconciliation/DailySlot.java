package com.cpsync.console.domain.reconciliation;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * When in the day a tenant's daily reconciliation runs: a minute of the UTC day from the tenant id, so the
 * tenants spread over the day (and each realm's BACKLOG reads with them) and a tenant keeps its minute.
 */
public final class DailySlot {

    public static final int MINUTES_A_DAY = 24 * 60;

    private DailySlot() {
    }

    public static int minuteOf(String tenantId) {
        long bits = UUID.nameUUIDFromBytes(tenantId.getBytes(StandardCharsets.UTF_8)).getMostSignificantBits();
        return (int) Math.floorMod(bits, (long) MINUTES_A_DAY);
    }

    /** Whether the tenant's minute is the minute of the day this instant is in. */
    public static boolean isDue(String tenantId, Instant now) {
        return minuteOf(tenantId) == now.atZone(ZoneOffset.UTC).toLocalTime().toSecondOfDay() / 60;
    }
}
