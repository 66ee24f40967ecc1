package com.cpsync.console.application;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.deadletter.Replay;

import static com.cpsync.console.domain.deadletter.DeadLetterFixtures.aDeadLetter;
import static org.assertj.core.api.Assertions.assertThat;

class ReplayDeadLetterTest {

    private static final Instant NOW = Instant.parse("2026-05-02T09:00:00Z");

    private final InMemoryDeadLetters fakes = new InMemoryDeadLetters();
    private final InMemoryBroker<Replay> broker = new InMemoryBroker<>();
    private final InMemoryAudit audit = new InMemoryAudit();
    private final ReplayDeadLetter replayDeadLetter = new ReplayDeadLetter(fakes, broker::send, audit,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldRepublishOnceAndAuditBothClicks() {
        long id = fakes.put(aDeadLetter("centerpoint.events.v1", "acme", "invoice has no lines"));

        ReplayResult first = replayDeadLetter.replay(id, "ops");
        ReplayResult second = replayDeadLetter.replay(id, "someone-else");

        assertThat(first).isEqualTo(new ReplayResult.Replayed("centerpoint.events.v1"));
        assertThat(second).isEqualTo(new ReplayResult.AlreadyReplayed(NOW, "ops"));
        assertThat(broker.sent).hasSize(1);
        assertThat(audit.entries).extracting(AuditEntry::actor, AuditEntry::result, AuditEntry::target)
                .containsExactly(
                        Tuple.tuple("ops", "REPLAYED", "dead-letter " + id),
                        Tuple.tuple("someone-else", "ALREADY_REPLAYED", "dead-letter " + id));
    }

    @Test
    void shouldGiveTheClaimBackWhenTheBrokerRefusesSoALaterClickCanReplay() {
        long id = fakes.put(aDeadLetter("centerpoint.events.v1", "acme", "bad"));
        broker.refuseWith = new IllegalStateException("broker down");

        ReplayResult failed = replayDeadLetter.replay(id, "ops");
        broker.refuseWith = null;
        ReplayResult retried = replayDeadLetter.replay(id, "ops");

        assertThat(failed).isEqualTo(new ReplayResult.SendFailed("broker down"));
        assertThat(retried).isInstanceOf(ReplayResult.Replayed.class);
        assertThat(broker.sent).hasSize(1);
        assertThat(audit.entries).extracting(AuditEntry::result).containsExactly("SEND_FAILED", "REPLAYED");
    }

    @Test
    void shouldAnswerAnUnknownIdAsNotFoundAndSendNothing() {
        ReplayResult result = replayDeadLetter.replay(99, "ops");

        assertThat(result).isEqualTo(new ReplayResult.NotFound(99));
        assertThat(broker.sent).isEmpty();
        assertThat(audit.entries).singleElement().extracting(AuditEntry::result).isEqualTo("NOT_FOUND");
    }

    @Test
    void shouldReplayAllOfATenantsDeadLettersNotYetReplayedAndNoOtherTenants() {
        long first = fakes.put(aDeadLetter("centerpoint.events.v1", "acme", "bad"));
        long second = fakes.put(aDeadLetter("centerpoint.events.v1", "acme", "worse"));
        fakes.put(aDeadLetter("centerpoint.events.v1", "globex", "bad"));
        replayDeadLetter.replay(first, "ops");

        Map<Long, ReplayResult> results = replayDeadLetter.replayAll("acme", "ops");

        assertThat(results).containsOnlyKeys(second);
        assertThat(broker.sent).hasSize(2).allSatisfy(replay -> assertThat(replay.key()).asString(StandardCharsets.UTF_8).isEqualTo("acme"));
    }
}
