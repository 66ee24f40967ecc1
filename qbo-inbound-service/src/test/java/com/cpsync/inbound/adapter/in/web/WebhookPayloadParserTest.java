package com.cpsync.inbound.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.webhook.MalformedWebhookException;
import com.cpsync.inbound.domain.webhook.ParsedWebhook;
import com.cpsync.inbound.domain.webhook.RejectedEvent;
import com.cpsync.inbound.domain.webhook.RejectionReason;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class WebhookPayloadParserTest {

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");

    private final WebhookPayloadParser parser = new WebhookPayloadParser(QboJson.mapper());

    private List<EntityChange> parse(String body) {
        return parseWhole(body).changes();
    }

    private ParsedWebhook parseWhole(String body) {
        return parser.parse(body.getBytes(StandardCharsets.UTF_8), NOW);
    }

    @Test
    void shouldReadEveryEntityOfALegacyNotificationWithMergedAwayId() {
        List<EntityChange> changes = parse("""
                {"eventNotifications":[{"realmId":"1185883450","dataChangeEvent":{"entities":[
                 {"name":"Customer","id":"1","operation":"Create","lastUpdated":"2015-10-05T14:42:19-0700"},
                 {"name":"Customer","id":"123","operation":"Merge","lastUpdated":"2025-09-08T20:52:31.657Z","deletedId":"27"}]}}]}
                """);

        assertThat(changes).hasSize(2);
        EntityChange create = changes.get(0);
        assertThat(create.realmId()).isEqualTo("1185883450");
        assertThat(create.entity()).isEqualTo(QboEntity.CUSTOMER);
        assertThat(create.operation()).isEqualTo(ChangeOperation.CREATE);
        assertThat(create.lastUpdated()).isEqualTo(Instant.parse("2015-10-05T21:42:19Z"));
        assertThat(create.source()).isEqualTo(ChangeSource.WEBHOOK);
        assertThat(create.receivedAt()).isEqualTo(NOW);
        EntityChange merge = changes.get(1);
        assertThat(merge.operation()).isEqualTo(ChangeOperation.MERGE);
        assertThat(merge.entityId()).isEqualTo("123");
        assertThat(merge.deletedId()).isEqualTo("27");
    }

    @Test
    void shouldGiveTheSameLegacyNotificationTheSameChangeIdEveryTime() {
        String body = """
                {"eventNotifications":[{"realmId":"9","dataChangeEvent":{"entities":[
                 {"name":"Invoice","id":"5","operation":"Update","lastUpdated":"1757364751657"}]}}]}
                """;
        assertThat(parse(body).get(0).changeId()).isEqualTo(parse(body).get(0).changeId());
        String later = body.replace("1757364751657", "1757364751658");
        assertThat(parse(later).get(0).changeId()).isNotEqualTo(parse(body).get(0).changeId());
    }

    @Test
    void shouldReadCloudEventsRoutingEachEventByItsOwnRealm() {
        List<EntityChange> changes = parse("""
                [{"specversion":"1.0","id":"88cd52aa","source":"intuit","type":"qbo.customer.merged.v1",
                  "time":"2025-12-04T15:25:05Z","intuitentityid":"123","intuitaccountid":"111","data":{"deletedid":"27"}},
                 {"specversion":"1.0","id":"e2","source":"intuit","type":"qbo.invoice.voided.v1",
                  "time":"2025-12-04T15:25:06Z","intuitentityid":"7","intuitaccountid":"222","data":{}},
                 {"specversion":"1.0","id":"e3","source":"intuit","type":"qbo.payment.void.v1",
                  "intuitentityid":"8","intuitaccountid":"222","data":{"deletedId":null}},
                 {"specversion":"1.0","id":"e4","source":"intuit","type":"qbo.creditmemo.emailed.v1",
                  "time":"2025-12-04T15:25:06Z","intuitentityid":"9","intuitaccountid":"222"}]
                """);

        assertThat(changes).extracting(EntityChange::changeId).containsExactly("88cd52aa", "e2", "e3", "e4");
        assertThat(changes).extracting(EntityChange::realmId).containsExactly("111", "222", "222", "222");
        assertThat(changes).extracting(EntityChange::entity)
                .containsExactly(QboEntity.CUSTOMER, QboEntity.INVOICE, QboEntity.PAYMENT, QboEntity.CREDIT_MEMO);
        assertThat(changes).extracting(EntityChange::operation).containsExactly(ChangeOperation.MERGE,
                ChangeOperation.VOID, ChangeOperation.VOID, ChangeOperation.EMAILED);
        assertThat(changes.get(0).deletedId()).isEqualTo("27");
        assertThat(changes.get(1).deletedId()).isNull();
        assertThat(changes.get(2).lastUpdated()).as("no time: when we received it").isEqualTo(NOW);
    }

    @Test
    void shouldReadTheMergedAwayIdWhateverItsCase() {
        List<EntityChange> changes = parse("""
                [{"specversion":"1.0","id":"m","type":"qbo.customer.merged.v1","time":"2025-12-04T15:25:05Z",
                  "intuitentityid":"123","intuitaccountid":"111","data":{"DeletedId":"28"}}]
                """);
        assertThat(changes.get(0).deletedId()).isEqualTo("28");
    }

    @Test
    void shouldLeaveOutEventsOfUnknownOperationsAndSayWhy() {
        ParsedWebhook parsed = parseWhole("""
                [{"specversion":"1.0","id":"x","type":"qbo.customer.archived.v1","intuitentityid":"1","intuitaccountid":"1"}]
                """);

        assertThat(parsed.changes()).isEmpty();
        assertThat(parsed.rejected()).containsExactly(
                new RejectedEvent("event[0]", RejectionReason.UNKNOWN_OPERATION, "unknown operation 'archived'"));
    }

    @Test
    void shouldLeaveOutEventsOfAnEntityQboDoesNotHaveAndSayWhyButKeepTheOthers() {
        ParsedWebhook cloudEvents = parseWhole("""
                [{"specversion":"1.0","id":"x","type":"qbo.spaceship.created.v1","intuitentityid":"1","intuitaccountid":"1"},
                 {"specversion":"1.0","id":"y","type":"qbo.vendor.created.v1","intuitentityid":"2","intuitaccountid":"1"}]
                """);
        ParsedWebhook legacy = parseWhole("""
                {"eventNotifications":[{"realmId":"9","dataChangeEvent":{"entities":[
                 {"name":"Spaceship","id":"5","operation":"Update","lastUpdated":"1757364751657"},
                 {"name":"Customer","id":"6","operation":"Update","lastUpdated":"1757364751657"}]}}]}
                """);

        assertThat(cloudEvents.changes()).extracting(EntityChange::entity).containsExactly(QboEntity.VENDOR);
        assertThat(cloudEvents.rejected()).containsExactly(
                new RejectedEvent("event[0]", RejectionReason.UNKNOWN_ENTITY, "no QBO entity 'spaceship'"));
        assertThat(legacy.changes()).extracting(EntityChange::entityId).containsExactly("6");
        assertThat(legacy.rejected()).containsExactly(new RejectedEvent("eventNotifications[0].entities[0]",
                RejectionReason.UNKNOWN_ENTITY, "no QBO entity 'Spaceship'"));
    }

    /** Each format's batch of good and bad events: the good ones (realm, entity id), each bad one by its place. */
    static Stream<Arguments> mixedBatches() {
        return Stream.of(
                arguments("CloudEvents", """
                        [{"specversion":"1.0","id":"good-1","type":"qbo.customer.created.v1","intuitentityid":"1","intuitaccountid":"7"},
                         {"id":"1"},
                         {"specversion":"1.0","id":"empty","type":"qbo..created.v1","intuitentityid":"2","intuitaccountid":"7"},
                         42,
                         {"specversion":"1.0","id":"r","type":"qbo.customer.updated.v1","intuitentityid":"3","intuitaccountid":{"id":"7"}},
                         {"specversion":"1.0","id":"n","type":"qbo.customer.updated.v1","intuitaccountid":"7"},
                         {"specversion":"1.0","id":"t","type":"qbo.customer.updated.v1","intuitentityid":"4","intuitaccountid":"7",
                          "time":"last tuesday"},
                         {"specversion":"1.0","id":"good-2","type":"qbo.invoice.updated.v1","intuitentityid":"5","intuitaccountid":8,
                          "time":1764151200000}]
                        """,
                        List.of(tuple("7", "1"), tuple("8", "5")),
                        List.of(tuple("event[1]", RejectionReason.MALFORMED_EVENT),
                                tuple("event[2]", RejectionReason.MALFORMED_EVENT),
                                tuple("event[3]", RejectionReason.MALFORMED_EVENT),
                                tuple("event[4]", RejectionReason.INVALID_REALM),
                                tuple("event[5]", RejectionReason.INVALID_ID),
                                tuple("event[6]", RejectionReason.INVALID_TIME))),
                arguments("legacy", """
                        {"eventNotifications":[
                         {"realmId":"1","dataChangeEvent":{"entities":[
                           {"name":"Customer","id":"1","operation":"Create","lastUpdated":"2025-09-08T20:52:31Z"},
                           {"name":"Customer","operation":"Create","lastUpdated":"2025-09-08T20:52:31Z"},
                           {"name":"Customer","id":"3","operation":"Create"}]}},
                         {"dataChangeEvent":{"entities":[
                           {"name":"Customer","id":"4","operation":"Create","lastUpdated":"2025-09-08T20:52:31Z"}]}},
                         {"realmId":"2","dataChangeEvent":{"entities":{"name":"Customer"}}},
                         "not a notification",
                         {"realmId":"3","dataChangeEvent":{"entities":[
                           {"name":"Invoice","id":"5","operation":"Update","lastUpdated":"2025-09-08T20:52:31Z"}]}}]}
                        """,
                        List.of(tuple("1", "1"), tuple("3", "5")),
                        List.of(tuple("eventNotifications[0].entities[1]", RejectionReason.INVALID_ID),
                                tuple("eventNotifications[0].entities[2]", RejectionReason.INVALID_TIME),
                                tuple("eventNotifications[1].entities[0]", RejectionReason.INVALID_REALM),
                                tuple("eventNotifications[2]", RejectionReason.MALFORMED_EVENT),
                                tuple("eventNotifications[3]", RejectionReason.MALFORMED_EVENT))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mixedBatches")
    void shouldPublishTheGoodEventsOfABodyAndRejectEachBadOneWithItsPlace(String format, String body,
            List<Tuple> published, List<Tuple> rejected) {
        ParsedWebhook parsed = parseWhole(body);

        assertThat(parsed.changes()).extracting(EntityChange::realmId, EntityChange::entityId)
                .containsExactlyElementsOf(published);
        assertThat(parsed.rejected()).extracting(RejectedEvent::at, RejectedEvent::reason)
                .containsExactlyElementsOf(rejected);
    }

    @Test
    void shouldReadANumericRealmAsItsDigitsAndANumericTimeAsEpochMillis() {
        EntityChange change = parse("""
                [{"specversion":"1.0","id":"good-2","type":"qbo.invoice.updated.v1","intuitentityid":"5","intuitaccountid":8,
                  "time":1764151200000}]
                """).get(0);

        assertThat(change.realmId()).isEqualTo("8");
        assertThat(change.lastUpdated()).isEqualTo(Instant.parse("2025-11-26T10:00:00Z"));
    }

    @Test
    void shouldAcceptAnEmptyBatchOfEitherFormat() {
        assertThat(parseWhole("[]").changes()).isEmpty();
        assertThat(parseWhole("{\"eventNotifications\":[]}").rejected()).isEmpty();
    }

    @Test
    void shouldRefuseOnlyABodyThatHoldsNoEventsAtAll() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("{\"hello\":1}")).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("eventNotifications");
        assertThatThrownBy(() -> parse("{\"eventNotifications\":{}}")).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("eventNotifications array");
        assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedWebhookException.class);
    }
}
