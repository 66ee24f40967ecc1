package com.cpsync.sandbox.domain;

import java.util.List;
import java.util.SplittableRandom;

/**
 * One stream of random numbers for one kind of fault. Seeded, it gives the same numbers in the same order
 * (so a test, or a chaos run's {@code --seed}, meets the same faults at the same moments); each stream is
 * named, so switching one fault on does not move the others' numbers. Not thread-safe: owners lock.
 */
public final class Dice {

    private final SplittableRandom random;

    public Dice(Long seed, String stream) {
        this.random = seed == null ? new SplittableRandom() : new SplittableRandom(seed * 31 + stream.hashCode());
    }

    /** A number in [0, 1): a fault of rate r happens when it is below r (never for 0, always for 1). */
    public double next() {
        return random.nextDouble();
    }

    /** Fisher-Yates with this stream's numbers. */
    public <T> void shuffle(List<T> list) {
        for (int i = list.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            list.set(i, list.set(j, list.get(i)));
        }
    }
}
