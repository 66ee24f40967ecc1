package com.cpsync.syncsupport.budget;

import java.util.Optional;

/**
 * Where a realm's adaptive minute limit stands: the limit, when it last went down, when it last changed
 * (epoch milliseconds). Kept in the shared bucket's configuration, as the minute window's id, so every instance
 * reads the same level with each token it takes.
 */
public record AimdLevel(int perMinute, long decreasedAtMillis, long changedAtMillis) {

    private static final String PREFIX = "minute:";

    public static AimdLevel full(int perMinute) {
        return new AimdLevel(perMinute, 0, 0);
    }

    public String toId() {
        return PREFIX + perMinute + ":" + decreasedAtMillis + ":" + changedAtMillis;
    }

    /** The level an id written by {@link #toId()} holds; empty for any other id. */
    public static Optional<AimdLevel> fromId(String id) {
        if (id == null || !id.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String[] parts = id.substring(PREFIX.length()).split(":");
        try {
            return parts.length != 3 ? Optional.empty() : Optional.of(new AimdLevel(Integer.parseInt(parts[0]),
                    Long.parseLong(parts[1]), Long.parseLong(parts[2])));
        }
        catch (NumberFormatException notOurs) {
            return Optional.empty();
        }
    }
}
