package com.cpsync.syncsupport.budget;

import com.cpsync.qbo.client.CallPriority;

/**
 * Live work first: a {@link CallPriority#BACKLOG} call may take a token only while the realm's buckets keep a
 * reserve afterwards; a {@link CallPriority#LIVE} call may take the last one. A backlog draining the budget
 * therefore stops at the reserve, and a contractor's new event still finds a token there at once.
 *
 * @param perSecond tokens a backlog leaves in the second's bucket (1 of its 2 lets a backlog still run at the
 *                  full sustained rate, and a live call never waits for the second)
 * @param perMinute tokens a backlog leaves in the minute's bucket (binds once the minute is the tighter limit,
 *                  e.g. after QBO throttled the realm)
 */
public record BacklogReserve(int perSecond, int perMinute) {

    public BacklogReserve {
        if (perSecond < 0 || perMinute < 0) {
            throw new IllegalArgumentException("a reserve cannot be negative");
        }
    }

    /**
     * Whether a call of this priority keeps the token it has just taken.
     *
     * @param secondLeft tokens left in the second's bucket after taking it
     * @param minuteLeft tokens left in the minute's bucket after taking it
     */
    public boolean keeps(CallPriority priority, long secondLeft, long minuteLeft) {
        return priority == CallPriority.LIVE || secondLeft >= perSecond && minuteLeft >= perMinute;
    }

    /** The reserve within a shape: never the whole of a bucket, or a backlog could never run. */
    public BacklogReserve within(BudgetShape shape) {
        return new BacklogReserve(Math.min(perSecond, shape.second().burst() - 1),
                Math.min(perMinute, shape.minute().burst() - 1));
    }
}
