package com.cpsync.deploy;

import java.util.function.Supplier;

import org.slf4j.Logger;

/** The launchers' options: a usage error is logged and ends the process with 2 before anything starts. */
public final class CommandLineOptions {

    private CommandLineOptions() {
    }

    /** What {@code parse} returns; when it refuses the arguments, its message to {@code log} and exit code 2. */
    public static <T> T parseOrExit(Logger log, Supplier<T> parse) {
        try {
            return parse.get();
        }
        catch (IllegalArgumentException ex) {
            log.error(ex.getMessage());
            System.exit(2);
            throw ex;
        }
    }
}
