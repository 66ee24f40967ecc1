package com.cpsync.deploy.chaos;

import java.time.Duration;

/** The wait between two tries of the chaos run's setup and settling; an interrupt (Ctrl-C) ends the run. */
public final class Pause {

    private Pause() {
    }

    public static void of(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }
}
