package com.cpsync.inbound.domain.webhook;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.DeterministicIds;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;

/**
 * The decision on one webhook event, in either format: an {@link EntityChange} to publish, or a
 * {@link RejectedEvent} with its reason. Whatever the event holds, the answer is one of the two, so a
 * change that is accepted can always be published (ids that fit a key and a URL, a time Avro can carry).
 * The adapter reads the JSON into the text fields below; a field that is missing, null or not a scalar
 * is {@code null}.
 */
public final class WebhookEvents {

    /** QBO realm ids are digits; the sandbox and tests use short names. Either way a Kafka key and a URL segment. */
    private static final Pattern REALM_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,63}");
    /** Entity ids (digits in QBO) and CloudEvent ids (UUIDs): no blanks or control characters, bounded. */
    private static final Pattern ID = Pattern.compile("[\\p{Graph}&&[^/?#%\\\\]]{1,128}");
    /** QBO did not exist before this; an older time is not a QBO time. */
    private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    /** Generous room for clock skew between Intuit and this service. */
    private static final Duration LATEST_AHEAD = Duration.ofDays(1);
    private static final int QUOTED_MAX = 40;

    /** A CloudEvent's fields; {@code hasSpecversion} tells an object with {@code specversion} from anything else. */
    public record CloudEventFields(boolean hasSpecversion, String id, String type, String realmId, String entityId,
            String time, String deletedId) {
    }

    /** One entity of a legacy notification, with the realm of its notification. */
    public record LegacyEntityFields(String realmId, String name, String id, String operation, String lastUpdated,
            String deletedId) {
    }

    /** The verdict on one event. */
    public sealed interface Verdict {

        record Accepted(EntityChange change) implements Verdict {
        }

        record Rejected(RejectedEvent event) implements Verdict {
        }
    }

    private WebhookEvents() {
    }

    /**
     * {@code type} is {@code qbo.<entity>.<op>.v1}; the realm is the event's own {@code intuitaccountid};
     * the change id is the event id; no {@code time} means when it was received.
     */
    public static Verdict cloudEvent(String at, CloudEventFields event, Instant receivedAt) {
        if (!event.hasSpecversion()) {
            return reject(at, RejectionReason.MALFORMED_EVENT, "not a CloudEvent (no specversion)");
        }
        if (event.type() == null) {
            return reject(at, RejectionReason.MALFORMED_EVENT, "no type");
        }
        String[] words = event.type().split("\\.", -1);
        if (words.length < 3 || !"qbo".equalsIgnoreCase(words[0]) || words[1].isBlank() || words[2].isBlank()) {
            return reject(at, RejectionReason.MALFORMED_EVENT,
                    "type " + quoted(event.type()) + " is not qbo.<entity>.<operation>.v1");
        }
        Optional<RejectedEvent> wrong = unknownWords(at, words[1], words[2])
                .or(() -> invalidRealm(at, event.realmId(), "intuitaccountid"))
                .or(() -> invalidId(at, event.id(), "id"))
                .or(() -> invalidId(at, event.entityId(), "intuitentityid"))
                .or(() -> invalidDeletedId(at, event.deletedId()));
        if (wrong.isPresent()) {
            return new Verdict.Rejected(wrong.get());
        }
        Optional<Instant> time = event.time() == null ? Optional.of(receivedAt) : readTime(event.time(), receivedAt);
        if (time.isEmpty()) {
            return reject(at, RejectionReason.INVALID_TIME, "time " + quoted(event.time()) + " is unreadable or out of range");
        }
        return new Verdict.Accepted(new EntityChange(event.id(), event.realmId(), QboEntity.ofQboName(words[1]).orElseThrow(),
                event.entityId(), ChangeOperation.fromWord(words[2]).orElseThrow(), time.get(), event.deletedId(),
                ChangeSource.WEBHOOK, receivedAt, null));
    }

    /**
     * The change id is a v3 UUID of realm + entity + id + operation + lastUpdated, so a redelivery gets the
     * same id; {@code lastUpdated} is therefore required.
     */
    public static Verdict legacyEntity(String at, LegacyEntityFields entity, Instant receivedAt) {
        if (entity.name() == null) {
            return reject(at, RejectionReason.MALFORMED_EVENT, "no entity name");
        }
        if (entity.operation() == null) {
            return reject(at, RejectionReason.MALFORMED_EVENT, "no operation");
        }
        Optional<RejectedEvent> wrong = unknownWords(at, entity.name(), entity.operation())
                .or(() -> invalidRealm(at, entity.realmId(), "realmId"))
                .or(() -> invalidId(at, entity.id(), "id"))
                .or(() -> invalidDeletedId(at, entity.deletedId()));
        if (wrong.isPresent()) {
            return new Verdict.Rejected(wrong.get());
        }
        if (entity.lastUpdated() == null) {
            return reject(at, RejectionReason.INVALID_TIME, "no lastUpdated");
        }
        Optional<Instant> lastUpdated = readTime(entity.lastUpdated(), receivedAt);
        if (lastUpdated.isEmpty()) {
            return reject(at, RejectionReason.INVALID_TIME,
                    "lastUpdated " + quoted(entity.lastUpdated()) + " is unreadable or out of range");
        }
        QboEntity qboEntity = QboEntity.ofQboName(entity.name()).orElseThrow();
        ChangeOperation operation = ChangeOperation.fromWord(entity.operation()).orElseThrow();
        String changeId = DeterministicIds.changeId(entity.realmId(), qboEntity, entity.id(), operation, lastUpdated.get());
        return new Verdict.Accepted(new EntityChange(changeId, entity.realmId(), qboEntity, entity.id(), operation,
                lastUpdated.get(), entity.deletedId(), ChangeSource.WEBHOOK, receivedAt, null));
    }

    /** Anything else wrong with the event's structure (not an object, entities not an array, …). */
    public static RejectedEvent malformed(String at, String what) {
        return new RejectedEvent(at, RejectionReason.MALFORMED_EVENT, what);
    }

    private static Optional<RejectedEvent> unknownWords(String at, String entityName, String operationWord) {
        if (QboEntity.ofQboName(entityName).isEmpty()) {
            return Optional.of(new RejectedEvent(at, RejectionReason.UNKNOWN_ENTITY, "no QBO entity " + quoted(entityName)));
        }
        if (ChangeOperation.fromWord(operationWord).isEmpty()) {
            return Optional.of(new RejectedEvent(at, RejectionReason.UNKNOWN_OPERATION,
                    "unknown operation " + quoted(operationWord)));
        }
        return Optional.empty();
    }

    private static Optional<RejectedEvent> invalidRealm(String at, String realmId, String field) {
        if (realmId == null) {
            return Optional.of(new RejectedEvent(at, RejectionReason.INVALID_REALM, "no " + field));
        }
        return REALM_ID.matcher(realmId).matches() ? Optional.empty()
                : Optional.of(new RejectedEvent(at, RejectionReason.INVALID_REALM, field + " is not a realm id"));
    }

    private static Optional<RejectedEvent> invalidId(String at, String id, String field) {
        if (id == null) {
            return Optional.of(new RejectedEvent(at, RejectionReason.INVALID_ID, "no " + field));
        }
        return ID.matcher(id).matches() ? Optional.empty()
                : Optional.of(new RejectedEvent(at, RejectionReason.INVALID_ID, field + " is not an id"));
    }

    /** Only a merge carries one, and it is optional. */
    private static Optional<RejectedEvent> invalidDeletedId(String at, String deletedId) {
        return deletedId == null ? Optional.empty() : invalidId(at, deletedId, "deletedId");
    }

    private static Optional<Instant> readTime(String text, Instant receivedAt) {
        return LenientTimestamps.parse(text)
                .filter(time -> !time.isBefore(EARLIEST) && !time.isAfter(receivedAt.plus(LATEST_AHEAD)));
    }

    private static Verdict reject(String at, RejectionReason reason, String detail) {
        return new Verdict.Rejected(new RejectedEvent(at, reason, detail));
    }

    /** The offending word, short and printable, so a log line never carries more of the event than that. */
    private static String quoted(String word) {
        return QuotedWord.of(word, QUOTED_MAX);
    }
}
