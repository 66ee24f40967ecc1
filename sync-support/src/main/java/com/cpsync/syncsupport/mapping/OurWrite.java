package com.cpsync.syncsupport.mapping;

/**
 * Our last write of a QBO object as mapping-service recorded it: its SyncToken (an inbound change with it
 * is our echo) and the trace of the work that wrote it (null when untraced), which the echo's outcome carries.
 */
public record OurWrite(String syncToken, String traceId) {
}
