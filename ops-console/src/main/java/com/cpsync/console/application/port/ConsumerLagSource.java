package com.cpsync.console.application.port;

import java.util.List;

import com.cpsync.console.domain.lag.PartitionLagView;

/** Committed and end offsets of every consumer group, as the broker has them now. */
public interface ConsumerLagSource {

    List<PartitionLagView> all();
}
