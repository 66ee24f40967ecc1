package com.cpsync.console.application;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.conflict.ConflictResolutionCommand;
import com.cpsync.console.domain.conflict.InvalidResolutionException;
import com.cpsync.console.domain.conflict.ResolutionRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolveHeldConflictTest {

    private static final Instant NOW = Instant.parse("2026-05-02T09:00:00Z");

    private final InMemoryResolutions fakes = new InMemoryResolutions();
    private final InMemoryBroker<ConflictResolutionCommand> broker = new InMemoryBroker<>();
    private final InMemoryAudit audit = new InMemoryAudit();
    private final ResolveHeldConflict resolve = new ResolveHeldConflict(fakes, fakes, broker::send, audit,
            Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void shouldSendOnceAndAuditBothClicks() {
        long id = fakes.hold("acme", "COMPANY", "c1");

        ResolutionResult first = resolve.resolve("acme", id, ResolutionRequest.parse("LINK", "58"), "ops");
        ResolutionResult second = resolve.resolve("acme", id, ResolutionRequest.parse("DISMISS", null), "other");

        assertThat(first).isInstanceOf(ResolutionResult.Sent.class);
        assertThat(second).isEqualTo(new ResolutionResult.AlreadyResolved(
                ((ResolutionResult.Sent) first).resolutionId(), "LINK", "ops", NOW));
        assertThat(broker.sent).singleElement().satisfies(command -> {
            assertThat(command.conflictOutcomeId()).isEqualTo("out-" + id);
            assertThat(command.entityType()).isEqualTo("COMPANY");
            assertThat(command.centerpointId()).isEqualTo("c1");
            assertThat(command.qboId()).isEqualTo("58");
            assertThat(command.requestedBy()).isEqualTo("ops");
        });
        assertThat(audit.entries).extracting(AuditEntry::actor, AuditEntry::result, AuditEntry::target).containsExactly(
                Tuple.tuple("ops", "SENT", "conflict " + id + " of acme"),
                Tuple.tuple("other", "ALREADY_RESOLVED", "conflict " + id + " of acme"));
    }

    @Test
    void shouldNotFindAnotherTenantsConflictOrOneNoLongerHeld() {
        long id = fakes.hold("acme", "COMPANY", "c1");

        assertThat(resolve.resolve("globex", id, ResolutionRequest.parse("DISMISS", null), "ops"))
                .isEqualTo(new ResolutionResult.NotFound("globex", id));
        assertThat(resolve.resolve("acme", id + 1, ResolutionRequest.parse("DISMISS", null), "ops"))
                .isEqualTo(new ResolutionResult.NotFound("acme", id + 1));
        assertThat(broker.sent).isEmpty();
    }

    @Test
    void shouldGiveTheClaimBackWhenTheBrokerRefusesSoALaterClickCanResolve() {
        long id = fakes.hold("acme", "PROJECT", "p1");
        broker.refuseWith = new IllegalStateException("broker down");

        ResolutionResult failed = resolve.resolve("acme", id, ResolutionRequest.parse("CREATE_WITH_SUFFIX", null),
                "ops");
        broker.refuseWith = null;
        ResolutionResult retried = resolve.resolve("acme", id, ResolutionRequest.parse("CREATE_WITH_SUFFIX", null),
                "ops");

        assertThat(failed).isEqualTo(new ResolutionResult.SendFailed("broker down"));
        assertThat(retried).isInstanceOf(ResolutionResult.Sent.class);
        assertThat(broker.sent).extracting(ConflictResolutionCommand::action)
                .containsExactly(ResolutionRequest.Action.CREATE_WITH_SUFFIX);
    }

    @Test
    void shouldRefuseToLinkAnInvoiceAndClaimNothing() {
        long id = fakes.hold("acme", "SERVICE_INVOICE", "i1");

        assertThatThrownBy(() -> resolve.resolve("acme", id, ResolutionRequest.parse("LINK", "9"), "ops"))
                .isInstanceOf(InvalidResolutionException.class).hasMessageContaining("SERVICE_INVOICE");
        assertThat(fakes.claims).isEmpty();
        assertThat(resolve.resolve("acme", id, ResolutionRequest.parse("DISMISS", null), "ops"))
                .isInstanceOf(ResolutionResult.Sent.class);
    }
}
