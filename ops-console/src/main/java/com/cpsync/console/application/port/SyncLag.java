package com.cpsync.console.application.port;

import java.time.Duration;

/** How far behind each sync direction is now: the age of the oldest record its group has not consumed yet. */
public interface SyncLag {

    /** cp-outbound-service on {@code centerpoint.events.v1}. */
    Duration outbound();

    /** qbo-inbound-service on {@code qbo.changes.v1}. */
    Duration inbound();
}
