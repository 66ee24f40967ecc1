package com.cpsync.inbound.adapter.in.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.webhook.MalformedWebhookException;
import com.cpsync.inbound.domain.webhook.ParsedWebhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void shouldIgnoreEventsOfUnknownOperationsAndSayWhy() {
        ParsedWebhook parsed = parseWhole("""
                [{"specversion":"1.0","id":"x","type":"qbo.customer.archived.v1","intuitentityid":"1","intuitaccountid":"1"}]
                """);

        assertThat(parsed.changes()).isEmpty();
        assertThat(parsed.ignored()).containsExactly("event[0]: unknown operation 'archived'");
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
        assertThat(cloudEvents.ignored()).containsExactly("event[0]: unknown QBO entity 'spaceship'");
        assertThat(legacy.changes()).extracting(EntityChange::entityId).containsExactly("6");
        assertThat(legacy.ignored()).containsExactly("eventNotifications[0].entities[0]: unknown QBO entity 'Spaceship'");
    }

    @Test
    void shouldRejectBodiesThatAreNotWebhooks() {
        assertThatThrownBy(() -> parse("not json")).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("not JSON");
        assertThatThrownBy(() -> parse("{\"hello\":1}")).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("eventNotifications");
        assertThatThrownBy(() -> parse("[{\"id\":\"1\"}]")).isInstanceOf(MalformedWebhookException.class)
                .hasMessageContaining("specversion");
        assertThatThrownBy(() -> parse("""
                [{"specversion":"1.0","id":"x","type":"qbo.customer.created.v1","intuitentityid":"1"}]
                """)).isInstanceOf(MalformedWebhookException.class).hasMessageContaining("intuitaccountid");
        assertThatThrownBy(() -> parse("""
                {"eventNotifications":[{"realmId":"1","dataChangeEvent":{"entities":[
                 {"name":"Customer","id":"1","operation":"Create","lastUpdated":"last tuesday"}]}}]}
                """)).isInstanceOf(MalformedWebhookException.class).hasMessageContaining("unreadable time");
        assertThatThrownBy(() -> parse("")).isInstanceOf(MalformedWebhookException.class);
    }
}
