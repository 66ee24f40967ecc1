package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * The headers a waiting record carries: how many cycles it went through, since when it waits, and the offset its
 * original has on the events topic (same partition number), so that a copy is known by its place in its tenant's
 * order whoever wrote it. A missing or unreadable header reads as 0 cycles, waiting since the record's own
 * timestamp, source offset -1 (unknown).
 */
public record WaitingHeaders(int cycles, Instant waitingSince, long sourceOffset) {

    public static final String CYCLES = "cpsync_waiting-cycles";
    public static final String SINCE = "cpsync_waiting-since";
    public static final String SOURCE_OFFSET = "cpsync_waiting-source-offset";

    public static WaitingHeaders read(Headers headers, Instant recordTimestamp) {
        return new WaitingHeaders((int) number(headers.lastHeader(CYCLES), 0),
                since(headers.lastHeader(SINCE), recordTimestamp), number(headers.lastHeader(SOURCE_OFFSET), -1));
    }

    public void writeTo(Headers headers) {
        headers.add(CYCLES, String.valueOf(cycles).getBytes(StandardCharsets.UTF_8));
        headers.add(SINCE, waitingSince.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(SOURCE_OFFSET, String.valueOf(sourceOffset).getBytes(StandardCharsets.UTF_8));
    }

    private static long number(Header header, long fallback) {
        try {
            return header == null ? fallback : Long.parseLong(new String(header.value(), StandardCharsets.UTF_8));
        }
        catch (NumberFormatException ex) {
            return fallback;
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
