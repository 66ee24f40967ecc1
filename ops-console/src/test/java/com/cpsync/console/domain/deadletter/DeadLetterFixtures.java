package com.cpsync.console.domain.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.cpsync.console.domain.outcome.TopicPosition;

/** Dead letters as the dead-letter recipe writes them. */
public final class DeadLetterFixtures {

    public static final Instant AT = Instant.parse("2026-05-01T10:00:00Z");

    private DeadLetterFixtures() {
    }

    /** A record of {@code originalTopic} (key {@code key}) that failed with {@code reason}, at offset 7 of its DLT. */
    public static ConsumedDeadLetter aDeadLetter(String originalTopic, String key, String reason, Header... more) {
        List<Header> headers = new ArrayList<>(List.of(
                Header.utf8("traceparent", "00-abc-def-01"),
                Header.utf8(DeadLetterFacts.ORIGINAL_TOPIC, originalTopic),
                new Header(DeadLetterFacts.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(2).array()),
                new Header(DeadLetterFacts.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41L).array()),
                Header.utf8(DeadLetterFacts.EXCEPTION_CLASS, "org.example.Boom"),
                Header.utf8(DeadLetterFacts.EXCEPTION_MESSAGE, "Listener failed; nested exception"),
                Header.utf8(DeadLetterFacts.REASON, reason)));
        headers.addAll(List.of(more));
        return new ConsumedDeadLetter(new TopicPosition(originalTopic + ".DLT", 0, 7),
                key == null ? null : key.getBytes(StandardCharsets.UTF_8), new byte[] {1, 2, 3}, headers, AT);
    }

    public static DeadLetterRecord stored(ConsumedDeadLetter record, Instant replayedAt, String replayedBy) {
        DeadLetter letter = new DeadLetter(11, record.position(), DeadLetterFacts.of(record), "summary",
                record.deadLetteredAt(), replayedAt, replayedBy);
        return new DeadLetterRecord(letter, record.key(), record.value(), record.headers());
    }
}
