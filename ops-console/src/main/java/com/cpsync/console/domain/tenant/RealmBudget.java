package com.cpsync.console.domain.tenant;

/**
 * How the tenants page states the QBO budget of a tenant's realm, shared by the sync services in PostgreSQL: the
 * minute limit as AIMD left it and the tokens left now in its minute window (at most the window's burst; the rest
 * refills evenly), read without taking one. What was used is not kept anywhere, so it is not claimed.
 */
public record RealmBudget(Status status, Integer perMinute, Integer qboPerMinute, Long minuteTokensNow,
                          Integer minuteBurst, String detail) {

    public enum Status { SHARED, NOT_SHARED, NO_REALM, UNKNOWN }

    public static RealmBudget shared(int perMinute, int qboPerMinute, long minuteTokensNow, int minuteBurst,
            boolean used) {
        String limit = "minute limit " + perMinute + " (AIMD"
                + (perMinute < qboPerMinute ? ", lowered from " + qboPerMinute + " after a throttle" : "") + ")";
        String detail = used ? limit + ", tokens left now " + minuteTokensNow + " of " + minuteBurst
                : limit + ", no call yet";
        return new RealmBudget(Status.SHARED, perMinute, qboPerMinute, minuteTokensNow, minuteBurst, detail);
    }

    public static RealmBudget notShared() {
        return new RealmBudget(Status.NOT_SHARED, null, null, null, null, "budget not shared");
    }

    public static RealmBudget noRealm() {
        return new RealmBudget(Status.NO_REALM, null, null, null, null, "no realm known");
    }

    public static RealmBudget unknown(String why) {
        return new RealmBudget(Status.UNKNOWN, null, null, null, null, "budget not readable: " + why);
    }
}
