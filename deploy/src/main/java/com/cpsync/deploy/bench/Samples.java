package com.cpsync.deploy.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What the scenarios compute from what they saw: percentiles of latencies and rates over time spans. */
final class Samples {

    private Samples() {
    }

    /** The nearest-rank percentile (0 < p ≤ 100) of the values; NaN when there are none. */
    static double percentile(Collection<Double> values, double p) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        sorted.sort(Double::compare);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    /**
     * Items per minute over the span from the first to the last of the times: {@code count - 1} intervals, so one
     * burst of simultaneous items does not read as infinitely fast. NaN for fewer than two items.
     */
    static double perMinute(List<Instant> times) {
        if (times.size() < 2) {
            return Double.NaN;
        }
        Instant first = times.stream().min(Instant::compareTo).orElseThrow();
        Instant last = times.stream().max(Instant::compareTo).orElseThrow();
        double minutes = Duration.between(first, last).toNanos() / 60e9;
        return minutes == 0 ? Double.POSITIVE_INFINITY : (times.size() - 1) / minutes;
    }

    static double perSecond(List<Instant> times) {
        return perMinute(times) / 60;
    }
}
