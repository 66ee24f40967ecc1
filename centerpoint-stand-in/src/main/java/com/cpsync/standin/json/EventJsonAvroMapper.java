package com.cpsync.standin.json;

import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

import com.cpsync.schemas.avro.CenterpointEvent;

/**
 * Maps the stand-in's event JSON ({@code {"type":"CompanyCreated","eventId":"…optional…",
 * "causationId":"…optional…","occurredAt":"…optional…","company":{…}}}) to a {@link CenterpointEvent}.
 * The type names a branch of the event's payload union; the branch's own fields sit beside it.
 */
public final class EventJsonAvroMapper {

    private static final List<String> ENVELOPE_FIELDS = List.of("type", "eventId", "causationId", "occurredAt", "tenantId");
    private static final Schema PAYLOAD_UNION = CenterpointEvent.getClassSchema().getField("payload").schema();

    private final AvroJsonReader reader = new AvroJsonReader(SpecificData.getForClass(CenterpointEvent.class));
    private final Clock clock;

    public EventJsonAvroMapper(Clock clock) {
        this.clock = clock;
    }

    /** The event types the JSON may name, in schema order. */
    public static List<String> eventTypes() {
        return PAYLOAD_UNION.getTypes().stream().map(Schema::getName).toList();
    }

    public CenterpointEvent toAvro(String tenantId, Map<String, ?> json) {
        String type = text(json, "type").orElseThrow(() ->
                new InvalidJsonException("type is required, one of " + eventTypes()));
        Schema payloadSchema = PAYLOAD_UNION.getTypes().stream()
                .filter(branch -> branch.getName().equals(type))
                .findFirst()
                .orElseThrow(() -> new InvalidJsonException("type must be one of " + eventTypes() + " but was " + type));
        text(json, "tenantId").filter(id -> !id.equals(tenantId)).ifPresent(id -> {
            throw new InvalidJsonException("tenantId " + id + " differs from the tenant in the path " + tenantId);
        });
        Map<String, Object> payloadJson = new LinkedHashMap<>(json);
        ENVELOPE_FIELDS.forEach(payloadJson::remove);
        SpecificRecord payload = reader.readRecord(payloadSchema, payloadJson, "");
        return CenterpointEvent.newBuilder()
                .setEventId(text(json, "eventId").orElseGet(() -> UUID.randomUUID().toString()))
                .setTenantId(tenantId)
                .setOccurredAt(text(json, "occurredAt").map(EventJsonAvroMapper::instant).orElseGet(clock::instant))
                .setCausationId(text(json, "causationId").orElse(null))
                .setPayload(payload)
                .build();
    }

    private static Optional<String> text(Map<String, ?> json, String field) {
        Object value = json.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String) || ((String) value).isBlank()) {
            throw new InvalidJsonException(field + " must be a non-blank string");
        }
        return Optional.of((String) value);
    }

    private static Instant instant(String text) {
        try {
            return AvroJsonReader.carried(Instant.parse(text), "occurredAt");
        }
        catch (DateTimeParseException ex) {
            throw new InvalidJsonException("occurredAt must be an ISO-8601 instant but was \"" + text + "\"");
        }
    }
}
