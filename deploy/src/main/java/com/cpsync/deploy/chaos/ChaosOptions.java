package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.util.List;

/**
 * What {@code deploy/chaos} is told. The defaults are the CI-sized run that {@code ./mvnw verify}
 * plays; {@code --events 10000 --tenants 50} is the large one.
 *
 * @param rate           workload steps started per second
 * @param settleTimeout  how long the run may take to settle after the workload before it is audited anyway
 */
public record ChaosOptions(int events, int tenants, long seed, double rate, Duration settleTimeout) {

    public static final int DEFAULT_EVENTS = 240;
    public static final int DEFAULT_TENANTS = 4;
    public static final long DEFAULT_SEED = 1;
    public static final double DEFAULT_RATE = 3.0;
    public static final Duration DEFAULT_SETTLE_TIMEOUT = Duration.ofSeconds(150);

    public static final String USAGE = "usage: deploy/chaos [--events N] [--tenants N] [--seed N] [--rate STEPS_PER_SECOND]"
            + " [--settle-seconds N]\n"
            + "  defaults: --events " + DEFAULT_EVENTS + " --tenants " + DEFAULT_TENANTS + " --seed " + DEFAULT_SEED
            + " --rate " + DEFAULT_RATE + " --settle-seconds " + DEFAULT_SETTLE_TIMEOUT.toSeconds() + "\n"
            + "  exits 0 only when lost, duplicated and mismatched are all 0";

    public static ChaosOptions defaults() {
        return new ChaosOptions(DEFAULT_EVENTS, DEFAULT_TENANTS, DEFAULT_SEED, DEFAULT_RATE, DEFAULT_SETTLE_TIMEOUT);
    }

    /** {@code --name value} or {@code --name=value}; anything else is an error naming it. */
    public static ChaosOptions parse(List<String> args) {
        ChaosOptions options = defaults();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
            String value;
            if (arg.contains("=")) {
                value = arg.substring(arg.indexOf('=') + 1);
            }
            else if (i + 1 < args.size()) {
                value = args.get(++i);
            }
            else {
                throw new IllegalArgumentException(arg + " needs a value\n" + USAGE);
            }
            options = options.with(name, value);
        }
        return options;
    }

    private ChaosOptions with(String name, String value) {
        switch (name) {
            case "--events":
                return new ChaosOptions(positive(name, value), tenants, seed, rate, settleTimeout);
            case "--tenants":
                return new ChaosOptions(events, positive(name, value), seed, rate, settleTimeout);
            case "--seed":
                return new ChaosOptions(events, tenants, number(name, value), rate, settleTimeout);
            case "--rate":
                return new ChaosOptions(events, tenants, seed, positiveDecimal(name, value), settleTimeout);
            case "--settle-seconds":
                return new ChaosOptions(events, tenants, seed, rate, Duration.ofSeconds(positive(name, value)));
            default:
                throw new IllegalArgumentException("unknown option '" + name + "'\n" + USAGE);
        }
    }

    private static long number(String name, String value) {
        try {
            return Long.parseLong(value.trim());
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a whole number but was '" + value + "'");
        }
    }

    private static int positive(String name, String value) {
        long parsed = number(name, value);
        if (parsed < 1 || parsed > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(name + " must be at least 1 but was '" + value + "'");
        }
        return (int) parsed;
    }

    private static double positiveDecimal(String name, String value) {
        try {
            double parsed = Double.parseDouble(value.trim());
            if (parsed > 0 && Double.isFinite(parsed)) {
                return parsed;
            }
        }
        catch (NumberFormatException ex) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive number but was '" + value + "'");
    }
}
