package com.cpsync.inbound.application;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.adapter.in.web.WebhookPayloadParser;
import com.cpsync.inbound.application.ReceiveWebhook.Receipt;
import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.webhook.RejectionReason;
import com.cpsync.inbound.domain.webhook.WebhookSignature;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReceiveWebhookTest {

    private static final String TOKEN = "verifier";
    private static final String MIXED = "["
            + "{\"specversion\":\"1.0\",\"id\":\"a\",\"type\":\"qbo.customer.created.v1\",\"intuitentityid\":\"1\",\"intuitaccountid\":\"7\"},"
            + "{\"specversion\":\"1.0\",\"id\":\"b\",\"type\":\"qbo..created.v1\",\"intuitentityid\":\"2\",\"intuitaccountid\":\"7\"},"
            + "{\"specversion\":\"1.0\",\"id\":\"c\",\"type\":\"qbo.spaceship.created.v1\",\"intuitentityid\":\"3\",\"intuitaccountid\":\"7\"},"
            + "{\"specversion\":\"1.0\",\"id\":\"d\",\"type\":\"qbo.spaceship.updated.v1\",\"intuitentityid\":\"4\",\"intuitaccountid\":\"7\"},"
            + "{\"specversion\":\"1.0\",\"id\":\"e\",\"type\":\"qbo.invoice.updated.v1\",\"intuitentityid\":\"5\",\"intuitaccountid\":\"7\"}]";

    private final InMemoryPorts.Changes published = new InMemoryPorts.Changes();
    private final List<RejectionReason> counted = new ArrayList<>();
    private final WebhookSignature signature = new WebhookSignature(TOKEN);

    private ReceiveWebhook receiving(ChangePublisher publisher) {
        return new ReceiveWebhook(signature, new WebhookPayloadParser(QboJson.mapper()), publisher, counted::add,
                new MutableClock(Instant.parse("2026-11-26T10:00:00Z")));
    }

    @Test
    void shouldPublishTheValidEventsAndCountEachRejectedOneByReason() {
        Receipt receipt = receiving(published).receive(bytes(MIXED), signature.signatureOf(bytes(MIXED))).join();

        assertThat(published.changes).extracting(EntityChange::changeId).containsExactly("a", "e");
        assertThat(counted).containsExactly(RejectionReason.MALFORMED_EVENT, RejectionReason.UNKNOWN_ENTITY,
                RejectionReason.UNKNOWN_ENTITY);
        assertThat(receipt).isInstanceOfSatisfying(Receipt.Accepted.class, accepted -> {
            assertThat(accepted.changes()).isEqualTo(2);
            assertThat(accepted.rejected()).hasSize(3);
        });
    }

    @Test
    void shouldRefuseABadSignatureForTheWholeBodyWithoutPublishingOrCountingAnything() {
        Receipt receipt = receiving(published).receive(bytes(MIXED), signature.signatureOf(bytes("[]"))).join();

        assertThat(receipt).isInstanceOf(Receipt.Unauthorized.class);
        assertThat(published.changes).isEmpty();
        assertThat(counted).isEmpty();
    }

    @Test
    void shouldFailWithNotStoredOnlyWhenTheBrokerDoesNotTakeTheChanges() {
        ChangePublisher brokerDown = changes -> CompletableFuture.failedFuture(new IllegalStateException("broker down"));
        ChangePublisher sendRefused = changes -> {
            throw new IllegalStateException("metadata not available after 5000 ms");
        };

        assertThatThrownBy(() -> receiving(brokerDown).receive(bytes(MIXED), signature.signatureOf(bytes(MIXED))).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ChangesNotStoredException.class)
                .hasMessageContaining("broker down");
        assertThatThrownBy(() -> receiving(sendRefused).receive(bytes(MIXED), signature.signatureOf(bytes(MIXED))).join())
                .isInstanceOf(CompletionException.class).cause().isInstanceOf(ChangesNotStoredException.class)
                .hasMessageContaining("metadata not available");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
