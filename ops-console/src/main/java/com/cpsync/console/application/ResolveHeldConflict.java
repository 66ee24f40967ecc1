package com.cpsync.console.application;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.application.port.OutcomeIndex;
import com.cpsync.console.application.port.ResolutionSender;
import com.cpsync.console.application.port.ResolutionStore;
import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.conflict.ConflictResolutionCommand;
import com.cpsync.console.domain.conflict.ResolutionRequest;
import com.cpsync.console.domain.outcome.IndexedOutcome;
import com.cpsync.console.domain.outcome.TrailEntry;

/**
 * Sends a person's resolution of a held record to cp-outbound-service, once per held CONFLICT outcome: the
 * store's claim makes a second click (or two operators at once) an {@code ALREADY_RESOLVED}, and a send the
 * broker refused gives the claim back. The new outcome arrives later on sync.outcomes.v1, so the trail shows it
 * and the held list drops the record by itself. Every request is audited, whatever its result.
 */
public record ResolveHeldConflict(OutcomeIndex outcomes, ResolutionStore store, ResolutionSender sender,
                                  AuditLog audit, Clock clock) {

    public static final String ACTION = "RESOLVE_CONFLICT";

    /** @throws com.cpsync.console.domain.conflict.InvalidResolutionException when the action cannot apply */
    public ResolutionResult resolve(String tenantId, long conflictId, ResolutionRequest request, String actor) {
        ResolutionResult result = attempt(tenantId, conflictId, request, actor);
        audit.record(new AuditEntry(actor, clock.instant(), ACTION, "conflict " + conflictId + " of " + tenantId,
                result.name(), detail(request, result)));
        return result;
    }

    /** The resolutions already sent for these held records (their new outcome has not come yet), by conflict id. */
    public Map<Long, ConflictResolutionCommand> sentFor(List<TrailEntry> held) {
        Map<Long, ConflictResolutionCommand> sent = new LinkedHashMap<>();
        held.forEach(entry -> store.ofConflict(entry.id()).ifPresent(command -> sent.put(entry.id(), command)));
        return sent;
    }

    private ResolutionResult attempt(String tenantId, long conflictId, ResolutionRequest request, String actor) {
        Optional<ConflictResolutionCommand> earlier = store.ofConflict(conflictId)
                .filter(command -> command.tenantId().equals(tenantId));
        if (earlier.isPresent()) {
            return alreadyResolved(earlier.get());
        }
        Optional<TrailEntry> held = outcomes.heldConflicts(tenantId).stream().filter(e -> e.id() == conflictId)
                .findFirst();
        if (held.isEmpty()) {
            return new ResolutionResult.NotFound(tenantId, conflictId);
        }
        IndexedOutcome outcome = held.get().outcome();
        request.requireApplicableTo(outcome.entityType());
        Instant now = clock.instant();
        ConflictResolutionCommand command = new ConflictResolutionCommand(UUID.randomUUID().toString(), conflictId,
                outcome.outcomeId(), tenantId, outcome.entityType(), outcome.centerpointId(), request.action(),
                request.qboId(), actor, now);
        if (!store.claim(command)) {
            return store.ofConflict(conflictId).map(ResolveHeldConflict::alreadyResolved)
                    .orElse(new ResolutionResult.NotFound(tenantId, conflictId));
        }
        try {
            sender.send(command);
        }
        catch (RuntimeException ex) {
            store.release(command.resolutionId());
            return new ResolutionResult.SendFailed(String.valueOf(ex.getMessage()));
        }
        store.sent(command.resolutionId(), now);
        return new ResolutionResult.Sent(command.resolutionId(), command.action().name());
    }

    private static ResolutionResult alreadyResolved(ConflictResolutionCommand command) {
        return new ResolutionResult.AlreadyResolved(command.resolutionId(), command.action().name(),
                command.requestedBy(), command.requestedAt());
    }

    private static String detail(ResolutionRequest request, ResolutionResult result) {
        String asked = request.action() + (request.qboId() == null ? "" : " to QBO " + request.qboId());
        if (result instanceof ResolutionResult.Sent sent) {
            return asked + ": resolution " + sent.resolutionId() + " sent to cp-outbound-service";
        }
        if (result instanceof ResolutionResult.AlreadyResolved already) {
            return asked + ": already resolved (" + already.action() + ") by " + already.by() + " at " + already.at()
                    + "; nothing sent";
        }
        if (result instanceof ResolutionResult.SendFailed failed) {
            return asked + ": " + failed.reason();
        }
        return asked + ": no such held conflict";
    }
}
