package com.cpsync.syncsupport.budget;

/**
 * What a realm's shared budget holds now, read without taking a token: the minute limit as AIMD left it (QBO's
 * {@code qboPerMinute}, or lower after a throttle) and the tokens left now in the minute window, whose bucket holds
 * at most {@code minuteBurst} (20 of 500 a minute; the rest refills evenly, so a full bucket means an idle realm and
 * an empty one a realm spending at its limit). {@code used} is false when no service has called for the realm yet.
 */
public record RealmBudgetView(String realmId, int perMinute, int qboPerMinute, long minuteTokensNow,
                              int minuteBurst, boolean used) {

    public boolean lowered() {
        return perMinute < qboPerMinute;
    }
}
