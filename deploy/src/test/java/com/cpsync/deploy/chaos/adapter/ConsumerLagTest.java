package com.cpsync.deploy.chaos.adapter;

import org.apache.kafka.common.GroupState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ConsumerLagTest {

    /** The chaos run audited too early once: qbo-inbound's group was rejoining after a Kafka restart. */
    @Test
    void shouldTakeAGroupThatIsRebalancingForOneThatIsNotDone() {
        assertThat(ConsumerLag.rebalancing(GroupState.PREPARING_REBALANCE)).isTrue();
        assertThat(ConsumerLag.rebalancing(GroupState.COMPLETING_REBALANCE)).isTrue();
        assertThat(ConsumerLag.rebalancing(GroupState.STABLE)).isFalse();
        assertThat(ConsumerLag.rebalancing(GroupState.EMPTY)).as("no members: a service that is not running")
                .isFalse();
    }
}
