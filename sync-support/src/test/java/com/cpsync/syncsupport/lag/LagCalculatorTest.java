package com.cpsync.syncsupport.lag;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class LagCalculatorTest {

    private static final TopicPartition P0 = new TopicPartition("events", 0);
    private static final TopicPartition P1 = new TopicPartition("events", 1);

    @Test
    void shouldCountFromTheCommittedOffset() {
        List<PartitionLag> lags = LagCalculator.lags("g", Map.of(P0, 40L), Map.of(P0, 100L), Map.of(P0, 0L));

        assertThat(lags).extracting(PartitionLag::lag).containsExactly(60L);
    }

    @Test
    void shouldCountFromTheLogStartWhenTheGroupNeverCommitted() {
        List<PartitionLag> lags = LagCalculator.lags("g", Map.of(P0, 10L), Map.of(P0, 10L, P1, 30L),
                Map.of(P0, 0L, P1, 5L));

        assertThat(lags).extracting(PartitionLag::partition, PartitionLag::lag)
                .containsExactly(tuple(0, 0L), tuple(1, 25L));
    }

    @Test
    void shouldNeverReportNegativeLagWhenOffsetsAreReadAtSlightlyDifferentMoments() {
        PartitionLag lag = new PartitionLag("g", "events", 0, 10, 12);

        assertThat(lag.lag()).isZero();
    }
}
