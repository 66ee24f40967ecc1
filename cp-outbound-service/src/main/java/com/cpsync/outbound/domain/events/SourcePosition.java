package com.cpsync.outbound.domain.events;

/**
 * Where an event was read on the events topic: its partition and offset, the order of one tenant's events (a tenant
 * is one partition's). A copy on the waiting topic carries its original's position; {@link #UNKNOWN} where none is
 * known (a record written before copies carried it, an event made by a resolution).
 */
public record SourcePosition(int partition, long offset) {

    public static final SourcePosition UNKNOWN = new SourcePosition(-1, -1);

    public boolean known() {
        return partition >= 0 && offset >= 0;
    }

    /** Whether both are known, of one partition, and this one is not after {@code other}. */
    public boolean notAfter(SourcePosition other) {
        return known() && other.known() && partition == other.partition && offset <= other.offset;
    }

    /** As a header value: {@code partition:offset}. */
    @Override
    public String toString() {
        return partition + ":" + offset;
    }

    /** Reads {@link #toString()}'s form; anything else (or null) is {@link #UNKNOWN}. */
    public static SourcePosition parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        int colon = text.indexOf(':');
        try {
            return colon < 0 ? UNKNOWN
                    : new SourcePosition(Integer.parseInt(text.substring(0, colon)), Long.parseLong(text.substring(colon + 1)));
        }
        catch (NumberFormatException ex) {
            return UNKNOWN;
        }
    }
}
