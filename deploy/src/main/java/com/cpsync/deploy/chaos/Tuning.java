package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.util.Map;

/**
 * The two service settings a chaos run depends on, read from the environment the services inherit
 * (deploy/chaos and the IT set them): the CDC poll interval ({@code QBO_CDC_INTERVAL}), which bounds how
 * long a dropped webhook's change takes, and cp-outbound's QBO request timeout
 * ({@code APP_QBO_REQUESTTIMEOUT}), which a "late" reply must exceed to be a timeout for it.
 */
public record Tuning(Duration cdcInterval, Duration qboRequestTimeout) {

    public static Tuning from(Map<String, String> env) {
        return new Tuning(duration(env.get("QBO_CDC_INTERVAL"), Duration.ofSeconds(60)),
                duration(env.get("APP_QBO_REQUESTTIMEOUT"), Duration.ofSeconds(60)));
    }

    /** How late a "timed out" reply comes: a second after the client gave up. */
    public long lateReplyMs() {
        return qboRequestTimeout.toMillis() + 1000;
    }

    /** Spring's short form ({@code 500ms}, {@code 10s}, {@code 2m}) or plain seconds. */
    static Duration duration(String text, Duration otherwise) {
        if (text == null || text.isBlank()) {
            return otherwise;
        }
        String value = text.trim().toLowerCase();
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            if (value.endsWith("m")) {
                return Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return Duration.ofSeconds(Long.parseLong(value));
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException("'" + text + "' is not a duration such as 10s");
        }
    }
}
