package com.cpsync.deploy.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code deploy/bench/run [--quick] [--latency-ms N] [--json FILE] [--only P1,P4]}.
 *
 * @param quick     a short version of each scenario (minutes instead of an hour)
 * @param latencyMs what every call to the sandbox waits before it is answered, as QBO's own round trip does
 * @param json      where the figures are written as JSON
 * @param only      the figures to measure; empty: all six
 */
record BenchOptions(boolean quick, long latencyMs, Path json, Set<String> only) {

    static final String USAGE = "usage: deploy/bench/run [--quick] [--latency-ms N (default 100)] "
            + "[--json FILE (default deploy/target/bench.json)] [--only P1,P4,...]";

    static BenchOptions parse(List<String> args) {
        boolean quick = false;
        long latencyMs = 100;
        Path json = Path.of("deploy/target/bench.json");
        Set<String> only = Set.of();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg.equals("--quick")) {
                quick = true;
            }
            else if (arg.equals("--latency-ms") && i + 1 < args.size()) {
                latencyMs = Long.parseLong(args.get(++i));
                if (latencyMs < 0) {
                    throw new IllegalArgumentException("--latency-ms cannot be negative\n" + USAGE);
                }
            }
            else if (arg.equals("--json") && i + 1 < args.size()) {
                json = Path.of(args.get(++i));
            }
            else if (arg.equals("--only") && i + 1 < args.size()) {
                only = Set.of(args.get(++i).toUpperCase(Locale.ROOT).split(","));
            }
            else {
                throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        return new BenchOptions(quick, latencyMs, json, only);
    }

    boolean plays(String figure) {
        return only.isEmpty() || only.contains(figure);
    }

    /** The quick or the full size of a scenario's workload. */
    int scaled(int quickSize, int fullSize) {
        return quick ? quickSize : fullSize;
    }
}
