package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a waiting record carries: how many cycles it went through, and since when it waits. A
 * missing or unreadable header reads as 0 cycles, waiting since the record's own timestamp.
 */
public record WaitingHeaders(int cycles, Instant waitingSince) {

    public static final String CYCLES = "cpsync_waiting-cycles";
    public static final String SINCE = "cpsync_waiting-since";

    public static WaitingHeaders read(Headers headers, Instant recordTimestamp) {
        return new WaitingHeaders(cycles(headers.lastHeader(CYCLES)), since(headers.lastHeader(SINCE), recordTimestamp));
    }

    public void writeTo(Headers headers) {
        headers.add(CYCLES, String.valueOf(cycles).getBytes(StandardCharsets.UTF_8));
        headers.add(SINCE, waitingSince.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static int cycles(Header header) {
        try {
            return header == null ? 0 : Integer.parseInt(new String(header.value(), StandardCharsets.UTF_8));
        }
        catch (NumberFormatException ex) {
            return 0;
        }
    }

    private static Instant since(Header header, Instant fallback) {
        try {
            return header == null ? fallback : Instant.parse(new String(header.value(), StandardCharsets.UTF_8));
        }
        catch (DateTimeParseException ex) {
            return fallback;
        }
    }
}
