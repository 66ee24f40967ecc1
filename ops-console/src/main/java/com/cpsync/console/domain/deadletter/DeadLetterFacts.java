package com.cpsync.console.domain.deadletter;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * What a dead letter says about itself, read from the headers the dead-letter recipe writes (spring-kafka's
 * {@code kafka_dlt-*} and our {@code cpsync_dlt-reason}): where it came from and why it failed. A record with
 * none of them still gets an origin (its topic's name without {@code .DLT}) and a reason that says so.
 */
public record DeadLetterFacts(String originalTopic, Integer originalPartition, Long originalOffset, String key,
                              String tenantId, String realmId, String reason, String exceptionClass,
                              String replayOf) {

    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String EXCEPTION_CLASS = "kafka_dlt-exception-fqcn";
    public static final String REASON = "cpsync_dlt-reason";
    /** Set on a record the console re-published: where its dead letter was. */
    public static final String REPLAY_OF = "cpsync_replay-of";

    private static final String DLT_SUFFIX = ".DLT";
    /** Topics keyed by realm id (DESIGN.md §3); every other topic is keyed by tenant id. */
    private static final String REALM_KEYED_PREFIX = "qbo.changes.v1";

    public static DeadLetterFacts of(ConsumedDeadLetter record) {
        List<Header> headers = record.headers();
        String dltTopic = record.position().topic();
        String originalTopic = last(headers, ORIGINAL_TOPIC).map(Header::text).orElse(
                dltTopic.endsWith(DLT_SUFFIX) ? dltTopic.substring(0, dltTopic.length() - DLT_SUFFIX.length()) : null);
        String key = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
        boolean realmKeyed = originalTopic != null && originalTopic.startsWith(REALM_KEYED_PREFIX);
        String reason = last(headers, REASON).or(() -> last(headers, EXCEPTION_MESSAGE)).map(Header::text)
                .orElse("no reason given (the record carries no dead-letter headers)");
        return new DeadLetterFacts(originalTopic,
                last(headers, ORIGINAL_PARTITION).flatMap(header -> number(header, Integer.BYTES))
                        .map(Long::intValue).orElse(null),
                last(headers, ORIGINAL_OFFSET).flatMap(header -> number(header, Long.BYTES)).orElse(null),
                key, realmKeyed ? null : key, realmKeyed ? key : null, reason,
                last(headers, EXCEPTION_CLASS).map(Header::text).orElse(null),
                last(headers, REPLAY_OF).map(Header::text).orElse(null));
    }

    /** The same facts with the tenant found another way (for a realm-keyed record, from the realm). */
    public DeadLetterFacts withTenant(String tenant) {
        return new DeadLetterFacts(originalTopic, originalPartition, originalOffset, key, tenant, realmId, reason,
                exceptionClass, replayOf);
    }

    /** A header written twice (a record dead-lettered again after a replay) counts by its latest value. */
    private static Optional<Header> last(List<Header> headers, String name) {
        Header found = null;
        for (Header header : headers) {
            if (header.name().equals(name) && header.value() != null) {
                found = header;
            }
        }
        return Optional.ofNullable(found);
    }

    private static Optional<Long> number(Header header, int width) {
        byte[] value = header.value();
        if (value.length != width) {
            return Optional.empty();
        }
        ByteBuffer buffer = ByteBuffer.wrap(value);
        return Optional.of(width == Integer.BYTES ? buffer.getInt() : buffer.getLong());
    }
}
