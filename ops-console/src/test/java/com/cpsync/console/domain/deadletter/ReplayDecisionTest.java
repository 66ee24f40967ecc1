package com.cpsync.console.domain.deadletter;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static com.cpsync.console.domain.deadletter.DeadLetterFixtures.aDeadLetter;
import static com.cpsync.console.domain.deadletter.DeadLetterFixtures.stored;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayDecisionTest {

    @Test
    void shouldSendTheOriginalBytesBackToTheOriginalTopicWithoutTheDeadLetterHeaders() {
        ConsumedDeadLetter record = aDeadLetter("centerpoint.events.v1", "acme", "invoice has no lines");

        ReplayDecision decision = ReplayDecision.decide(stored(record, null, null));

        assertThat(decision).isInstanceOf(ReplayDecision.Send.class);
        Replay replay = ((ReplayDecision.Send) decision).replay();
        assertThat(replay.topic()).isEqualTo("centerpoint.events.v1");
        assertThat(replay.key()).isEqualTo(record.key());
        assertThat(replay.value()).isEqualTo(record.value());
        assertThat(replay.partition()).as("a keyed record goes where its key leads").isNull();
        assertThat(replay.headers()).extracting(Header::name)
                .containsExactly("traceparent", DeadLetterFacts.REPLAY_OF);
        assertThat(replay.headers().get(1).text()).isEqualTo("centerpoint.events.v1.DLT/0/7");
    }

    @Test
    void shouldReturnARecordWithoutKeyToItsOriginalPartition() {
        ConsumedDeadLetter record = aDeadLetter("centerpoint.events.v1", null, "bad");

        Replay replay = ((ReplayDecision.Send) ReplayDecision.decide(stored(record, null, null))).replay();

        assertThat(replay.partition()).isEqualTo(2);
    }

    @Test
    void shouldMarkAReplayOfAReplayOnlyOnce() {
        ConsumedDeadLetter record = aDeadLetter("centerpoint.events.v1", "acme", "bad",
                Header.utf8(DeadLetterFacts.REPLAY_OF, "centerpoint.events.v1.DLT/0/3"));

        Replay replay = ((ReplayDecision.Send) ReplayDecision.decide(stored(record, null, null))).replay();

        assertThat(replay.headers()).filteredOn(header -> header.name().equals(DeadLetterFacts.REPLAY_OF))
                .extracting(Header::text).containsExactly("centerpoint.events.v1.DLT/0/7");
    }

    @Test
    void shouldNotReplayTwice() {
        Instant at = Instant.parse("2026-05-01T11:00:00Z");

        ReplayDecision decision = ReplayDecision.decide(
                stored(aDeadLetter("centerpoint.events.v1", "acme", "bad"), at, "ops"));

        assertThat(decision).isEqualTo(new ReplayDecision.AlreadyReplayed(at, "ops"));
    }
}
