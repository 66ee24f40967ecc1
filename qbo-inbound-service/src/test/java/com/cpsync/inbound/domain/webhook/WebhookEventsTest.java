package com.cpsync.inbound.domain.webhook;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.webhook.WebhookEvents.CloudEventFields;
import com.cpsync.inbound.domain.webhook.WebhookEvents.LegacyEntityFields;
import com.cpsync.inbound.domain.webhook.WebhookEvents.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/** The decision on one webhook event, a row per way an event can be wrong, in both formats. */
class WebhookEventsTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    /** A valid CloudEvent; each row changes one field. */
    private static CloudEventFields cloudEvent() {
        return new CloudEventFields(true, "88cd52aa", "qbo.customer.created.v1", "9341455", "123",
                "2026-11-26T09:59:00Z", null);
    }

    /** A valid legacy entity; each row changes one field. */
    private static LegacyEntityFields legacyEntity() {
        return new LegacyEntityFields("1185883450", "Customer", "1", "Create", "2026-11-26T01:59:00-0800", null);
    }

    static Stream<Arguments> badCloudEvents() {
        CloudEventFields ok = cloudEvent();
        return Stream.of(
                arguments("no specversion", new CloudEventFields(false, ok.id(), ok.type(), ok.realmId(), ok.entityId(),
                        ok.time(), null), RejectionReason.MALFORMED_EVENT, "not a CloudEvent (no specversion)"),
                arguments("no type", withType(null), RejectionReason.MALFORMED_EVENT, "no type"),
                notAQboType("an empty entity name", "qbo..created.v1"),
                notAQboType("an empty operation", "qbo.customer..v1"),
                notAQboType("another vendor's type", "com.example.created"),
                notAQboType("too few words", "qbo.customer"),
                arguments("an entity QBO does not have", withType("qbo.spaceship.created.v1"),
                        RejectionReason.UNKNOWN_ENTITY, "no QBO entity 'spaceship'"),
                arguments("an unknown operation", withType("qbo.customer.archived.v1"),
                        RejectionReason.UNKNOWN_OPERATION, "unknown operation 'archived'"),
                arguments("no realm", new CloudEventFields(true, ok.id(), ok.type(), null, ok.entityId(), ok.time(), null),
                        RejectionReason.INVALID_REALM, "no intuitaccountid"),
                arguments("a realm that is a path", new CloudEventFields(true, ok.id(), ok.type(), "../admin",
                        ok.entityId(), ok.time(), null), RejectionReason.INVALID_REALM, "intuitaccountid is not a realm id"),
                arguments("a realm with blanks", new CloudEventFields(true, ok.id(), ok.type(), "93 41",
                        ok.entityId(), ok.time(), null), RejectionReason.INVALID_REALM, "intuitaccountid is not a realm id"),
                arguments("no event id", new CloudEventFields(true, null, ok.type(), ok.realmId(), ok.entityId(),
                        ok.time(), null), RejectionReason.INVALID_ID, "no id"),
                arguments("no entity id", new CloudEventFields(true, ok.id(), ok.type(), ok.realmId(), null, ok.time(),
                        null), RejectionReason.INVALID_ID, "no intuitentityid"),
                arguments("an entity id that is a path", new CloudEventFields(true, ok.id(), ok.type(), ok.realmId(),
                        "1/../2", ok.time(), null), RejectionReason.INVALID_ID, "intuitentityid is not an id"),
                arguments("a merged-away id with blanks", new CloudEventFields(true, ok.id(), ok.type(), ok.realmId(),
                        ok.entityId(), ok.time(), "2 7"), RejectionReason.INVALID_ID, "deletedId is not an id"),
                arguments("an unreadable time", withTime("last tuesday"), RejectionReason.INVALID_TIME,
                        "time 'last tuesday' is unreadable or out of range"),
                arguments("a time past what Avro can carry", withTime("+999999999-12-31T23:59:59Z"),
                        RejectionReason.INVALID_TIME, "time '+999999999-12-31T23:59:59Z' is unreadable or out of range"),
                arguments("epoch millis too long for a long", withTime("99999999999999999999"),
                        RejectionReason.INVALID_TIME, "time '99999999999999999999' is unreadable or out of range"),
                arguments("a time before QBO", withTime("1970-01-01T00:00:00Z"), RejectionReason.INVALID_TIME,
                        "time '1970-01-01T00:00:00Z' is unreadable or out of range"),
                arguments("a time days ahead", withTime("2026-12-24T00:00:00Z"), RejectionReason.INVALID_TIME,
                        "time '2026-12-24T00:00:00Z' is unreadable or out of range"));
    }

    private static Arguments notAQboType(String row, String type) {
        return arguments(row, withType(type), RejectionReason.MALFORMED_EVENT,
                "type '" + type + "' is not qbo.<entity>.<operation>.v1");
    }

    @ParameterizedTest(name = "a CloudEvent with {0}")
    @MethodSource("badCloudEvents")
    void shouldRejectACloudEventWithTheReason(String row, CloudEventFields event, RejectionReason reason, String detail) {
        Verdict verdict = WebhookEvents.cloudEvent("event[4]", event, NOW);

        assertThat(verdict).isEqualTo(new Verdict.Rejected(new RejectedEvent("event[4]", reason, detail)));
    }

    static Stream<Arguments> badLegacyEntities() {
        LegacyEntityFields ok = legacyEntity();
        return Stream.of(
                arguments("no name", new LegacyEntityFields(ok.realmId(), null, ok.id(), ok.operation(),
                        ok.lastUpdated(), null), RejectionReason.MALFORMED_EVENT, "no entity name"),
                arguments("no operation", new LegacyEntityFields(ok.realmId(), ok.name(), ok.id(), null,
                        ok.lastUpdated(), null), RejectionReason.MALFORMED_EVENT, "no operation"),
                arguments("an entity QBO does not have", new LegacyEntityFields(ok.realmId(), "Spaceship", ok.id(),
                        ok.operation(), ok.lastUpdated(), null), RejectionReason.UNKNOWN_ENTITY, "no QBO entity 'Spaceship'"),
                arguments("an unknown operation", new LegacyEntityFields(ok.realmId(), ok.name(), ok.id(), "Archive",
                        ok.lastUpdated(), null), RejectionReason.UNKNOWN_OPERATION, "unknown operation 'Archive'"),
                arguments("no realm on its notification", new LegacyEntityFields(null, ok.name(), ok.id(),
                        ok.operation(), ok.lastUpdated(), null), RejectionReason.INVALID_REALM, "no realmId"),
                arguments("a realm of the wrong shape", new LegacyEntityFields("realm\u0000", ok.name(), ok.id(),
                        ok.operation(), ok.lastUpdated(), null), RejectionReason.INVALID_REALM, "realmId is not a realm id"),
                arguments("no id", new LegacyEntityFields(ok.realmId(), ok.name(), null, ok.operation(),
                        ok.lastUpdated(), null), RejectionReason.INVALID_ID, "no id"),
                arguments("no lastUpdated", new LegacyEntityFields(ok.realmId(), ok.name(), ok.id(), ok.operation(),
                        null, null), RejectionReason.INVALID_TIME, "no lastUpdated"),
                arguments("an unreadable lastUpdated", new LegacyEntityFields(ok.realmId(), ok.name(), ok.id(),
                        ok.operation(), "soon", null), RejectionReason.INVALID_TIME,
                        "lastUpdated 'soon' is unreadable or out of range"));
    }

    @ParameterizedTest(name = "a legacy entity with {0}")
    @MethodSource("badLegacyEntities")
    void shouldRejectALegacyEntityWithTheReason(String row, LegacyEntityFields entity, RejectionReason reason,
            String detail) {
        Verdict verdict = WebhookEvents.legacyEntity("eventNotifications[0].entities[2]", entity, NOW);

        assertThat(verdict).isEqualTo(new Verdict.Rejected(
                new RejectedEvent("eventNotifications[0].entities[2]", reason, detail)));
    }

    @Test
    void shouldAcceptAValidCloudEventRoutedByItsOwnRealm() {
        Verdict verdict = WebhookEvents.cloudEvent("event[0]", new CloudEventFields(true, "m-1",
                "qbo.customer.merged.v1", "9341455", "123", "2026-11-26T09:59:00Z", "27"), NOW);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Accepted.class, accepted -> {
            EntityChange change = accepted.change();
            assertThat(change.changeId()).isEqualTo("m-1");
            assertThat(change.realmId()).isEqualTo("9341455");
            assertThat(change.entity()).isEqualTo(QboEntity.CUSTOMER);
            assertThat(change.operation()).isEqualTo(ChangeOperation.MERGE);
            assertThat(change.deletedId()).isEqualTo("27");
            assertThat(change.lastUpdated()).isEqualTo(Instant.parse("2026-11-26T09:59:00Z"));
        });
    }

    @Test
    void shouldTakeTheReceivedTimeForACloudEventWithoutTime() {
        Verdict verdict = WebhookEvents.cloudEvent("event[0]", withTime(null), NOW);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Accepted.class,
                accepted -> assertThat(accepted.change().lastUpdated()).isEqualTo(NOW));
    }

    @Test
    void shouldAcceptAValidLegacyEntityWithAnIdThatIsTheSameForEveryDelivery() {
        Verdict first = WebhookEvents.legacyEntity("e", legacyEntity(), NOW);
        Verdict again = WebhookEvents.legacyEntity("e", legacyEntity(), NOW.plusSeconds(30));

        assertThat(first).isInstanceOfSatisfying(Verdict.Accepted.class, accepted -> {
            assertThat(accepted.change().lastUpdated()).isEqualTo(Instant.parse("2026-11-26T09:59:00Z"));
            assertThat(accepted.change().changeId())
                    .isEqualTo(((Verdict.Accepted) again).change().changeId());
        });
    }

    @Test
    void shouldQuoteNoMoreOfAnEventThanAShortPrintableWord() {
        Verdict verdict = WebhookEvents.cloudEvent("event[0]", withType("qbo." + "x".repeat(60) + "\n.created.v1"), NOW);

        assertThat(verdict).isInstanceOfSatisfying(Verdict.Rejected.class, rejected ->
                assertThat(rejected.event().detail()).isEqualTo("no QBO entity '" + "x".repeat(40) + "…'"));
    }

    private static CloudEventFields withType(String type) {
        CloudEventFields ok = cloudEvent();
        return new CloudEventFields(true, ok.id(), type, ok.realmId(), ok.entityId(), ok.time(), null);
    }

    private static CloudEventFields withTime(String time) {
        CloudEventFields ok = cloudEvent();
        return new CloudEventFields(true, ok.id(), ok.type(), ok.realmId(), ok.entityId(), time, null);
    }
}
