package com.cpsync.console.domain.deadletter;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.console.domain.outcome.TopicPosition;

import static com.cpsync.console.domain.deadletter.DeadLetterFixtures.aDeadLetter;
import static org.assertj.core.api.Assertions.assertThat;

class DeadLetterFactsTest {

    @Test
    void shouldReadOriginAndReasonFromTheDeadLetterHeaders() {
        DeadLetterFacts facts = DeadLetterFacts.of(aDeadLetter("centerpoint.events.v1", "acme", "invoice has no lines"));

        assertThat(facts).isEqualTo(new DeadLetterFacts("centerpoint.events.v1", 2, 41L, "acme", "acme", null,
                "invoice has no lines", "org.example.Boom", null));
    }

    @Test
    void shouldTakeTheKeyOfAQboChangeAsItsRealmNotAsATenant() {
        DeadLetterFacts facts = DeadLetterFacts.of(aDeadLetter("qbo.changes.v1.retry", "9130350000000101", "down"));

        assertThat(facts.tenantId()).isNull();
        assertThat(facts.realmId()).isEqualTo("9130350000000101");
        assertThat(facts.withTenant("acme").tenantId()).isEqualTo("acme");
    }

    @Test
    void shouldFallBackToTheSpringExceptionMessageWithoutOurReason() {
        ConsumedDeadLetter record = aDeadLetter("centerpoint.events.v1", "acme", "ignored");
        List<Header> withoutReason = record.headers().stream()
                .filter(header -> !header.name().equals(DeadLetterFacts.REASON)).toList();

        DeadLetterFacts facts = DeadLetterFacts.of(new ConsumedDeadLetter(record.position(), record.key(),
                record.value(), withoutReason, record.deadLetteredAt()));

        assertThat(facts.reason()).isEqualTo("Listener failed; nested exception");
    }

    @Test
    void shouldNameTheOriginByTheTopicWhenTheRecordCarriesNoHeaders() {
        DeadLetterFacts facts = DeadLetterFacts.of(new ConsumedDeadLetter(
                new TopicPosition("cp-outbound.waiting.v1.DLT", 0, 0), null, null, List.of(), DeadLetterFixtures.AT));

        assertThat(facts.originalTopic()).isEqualTo("cp-outbound.waiting.v1");
        assertThat(facts.originalPartition()).isNull();
        assertThat(facts.reason()).contains("no reason given");
        assertThat(facts.key()).isNull();
    }

    @Test
    void shouldKnowARecordThatFailedAgainAfterAReplay() {
        DeadLetterFacts facts = DeadLetterFacts.of(aDeadLetter("centerpoint.events.v1", "acme", "still bad",
                Header.utf8(DeadLetterFacts.REPLAY_OF, "centerpoint.events.v1.DLT/0/3")));

        assertThat(facts.replayOf()).isEqualTo("centerpoint.events.v1.DLT/0/3");
    }
}
