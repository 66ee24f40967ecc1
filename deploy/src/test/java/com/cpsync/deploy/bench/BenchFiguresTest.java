package com.cpsync.deploy.bench;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BenchFiguresTest {

    @Test
    void shouldPrintTheFigureWithItsRatioToTheAnchor() {
        Figure figure = new Figure("P1", "both directions busy, one realm", 480, "requests/min", 500,
                "QBO's requests/min per realm", "");

        assertThat(figure.line()).isEqualTo(
                "P1 both directions busy, one realm: 480 requests/min (0.96 of 500 QBO's requests/min per realm)");
        assertThat(figure.json()).containsEntry("ratio", 0.96).containsEntry("value", 480.0);
    }

    @Test
    void shouldKeepTwoSignificantDigitsOfASmallRatio() {
        Figure figure = new Figure("P5", "filter stage, one tenant", 48.2, "events/s", 13158,
                "events/s Kafka ConsumerPerformance", "");

        assertThat(figure.line()).endsWith("(0.0037 of 13158 events/s Kafka ConsumerPerformance)");
    }

    @Test
    void shouldSayWhyAFigureHasNoRatio() {
        Figure figure = new Figure("P3", "fairness", 1.5, "s", Double.NaN, "no switch for one queue per partition", "");

        assertThat(figure.line()).isEqualTo("P3 fairness: 1.50 s (no anchor: no switch for one queue per partition)");
        assertThat(figure.json()).containsEntry("ratio", null).containsEntry("anchor", null);
    }

    @Test
    void shouldTakeTheNearestRankPercentile() {
        List<Double> latencies = List.of(40.0, 10.0, 30.0, 20.0, 100.0);

        assertThat(Samples.percentile(latencies, 50)).isEqualTo(30.0);
        assertThat(Samples.percentile(latencies, 99)).isEqualTo(100.0);
        assertThat(Samples.percentile(List.of(), 50)).isNaN();
    }

    @Test
    void shouldCountIntervalsNotItemsForARate() {
        Instant start = Instant.parse("2026-11-30T12:00:00Z");
        List<Instant> times = List.of(start, start.plusSeconds(30), start.plusSeconds(60));

        assertThat(Samples.perMinute(times)).isEqualTo(2.0);
        assertThat(Samples.perSecond(List.of(start))).isNaN();
    }

    @Test
    void shouldReadTheFetchRateOfConsumerPerformance() {
        String output = """
                WARNING: something the tool logs first
                start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec
                2026-11-30 13:30:00:000, 2026-11-30 13:30:03:000, 2.5, 0.8, 10000, 3333.3, 2900, 100, 25.0, 100000.0
                """;

        assertThat(ConsumerPerformanceOutput.fetchRate(output)).isEqualTo(100000.0);
        assertThatThrownBy(() -> ConsumerPerformanceOutput.fetchRate("Exception in thread main"))
                .hasMessageContaining("fetch.nMsg.sec");
    }

    @Test
    void shouldPlayOnlyTheFiguresAskedFor() {
        BenchOptions some = BenchOptions.parse(List.of("--quick", "--only", "p1,P4"));
        BenchOptions all = BenchOptions.parse(List.of());

        assertThat(some.plays("P1")).isTrue();
        assertThat(some.plays("P4")).isTrue();
        assertThat(some.plays("P2")).isFalse();
        assertThat(all.plays("P2")).isTrue();
        assertThat(some.scaled(20, 100)).isEqualTo(20);
        assertThatThrownBy(() -> BenchOptions.parse(List.of("--fast"))).hasMessageContaining("unknown option --fast");
    }
}
