package com.cpsync.outbound.application;

import java.time.Clock;
import java.util.Optional;
import java.util.Set;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.events.EventPayload.TicketChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.resolutions.Resolution;
import com.cpsync.outbound.domain.resolutions.ResolutionPlan;
import com.cpsync.outbound.domain.resolutions.ResolutionPolicy;

/**
 * A person's answer to a held record (ops-console): load the entity's latest Centerpoint state, decide
 * ({@link ResolutionPolicy}), and re-run its normal sync with the given decision, or write the dismissal or
 * refusal. Every resolution ends as one outcome (its causationId is the resolution id); the same resolution id
 * again changes nothing. Throws {@code TenantMustWait} when QBO or mapping-service say "later", and
 * {@code IllegalStateException} while the entity's state is not known here yet (both are tried again).
 */
public class ResolveConflict {

    private static final int COMPLETED_IDS_KEPT = 10_000;

    private final EntityStateStore state;
    private final OutcomePublisher outcomes;
    private final HandleCenterpointEvent sync;
    private final Clock clock;
    private final Set<String> completed = Recent.set(COMPLETED_IDS_KEPT);

    public ResolveConflict(EntityStateStore state, OutcomePublisher outcomes, HandleCenterpointEvent sync,
            Clock clock) {
        this.state = state;
        this.outcomes = outcomes;
        this.sync = sync;
        this.clock = clock;
    }

    /** @param kind the held entity's kind, parsed from {@code resolution.entityType()} at the edge */
    public void resolve(Resolution resolution, EntityKind kind) {
        if (completed.contains(resolution.resolutionId())) {
            return;
        }
        Optional<EventPayload> latest = latestState(resolution, kind);
        ResolutionPlan plan = ResolutionPolicy.decide(resolution, latest.isPresent());
        if (plan instanceof ResolutionPlan.Dismiss dismiss) {
            publish(resolution, kind, Result.SKIPPED_BY_SETTINGS, dismiss.reason());
        }
        else if (plan instanceof ResolutionPlan.Refuse refuse) {
            publish(resolution, kind, Result.CONFLICT, refuse.reason());
        }
        else if (plan instanceof ResolutionPlan.AwaitState await) {
            // retried by the listener's back-off; a state that never comes ends as a dead letter saying so
            throw new IllegalStateException(await.reason());
        }
        else {
            OutboundEvent event = new OutboundEvent(resolution.resolutionId(), resolution.tenantId(), clock.instant(),
                    null, latest.orElseThrow());
            Optional<String> waitsFor = sync.resolve(event, ((ResolutionPlan.Rerun) plan).decision());
            if (waitsFor.isPresent()) {
                publish(resolution, kind, Result.CONFLICT, resolution.label() + " not applied: its parent "
                        + waitsFor.get() + " was never seen; send it from Centerpoint; still held");
            }
        }
        completed.add(resolution.resolutionId());
    }

    /** The entity's latest state as an update of itself: what its next event would carry. */
    private Optional<EventPayload> latestState(Resolution resolution, EntityKind kind) {
        String tenant = resolution.tenantId();
        String id = resolution.centerpointId();
        switch (kind) {
            case COMPANY:
                return state.find(tenant, Company.class, id)
                        .map(company -> new CompanyChanged(CompanyChanged.Kind.UPDATED, company));
            case PROJECT:
                return state.find(tenant, Project.class, id)
                        .map(project -> new ProjectChanged(ProjectChanged.Kind.UPDATED, project));
            case SERVICE_TICKET:
                return state.find(tenant, ServiceTicket.class, id)
                        .map(ticket -> new TicketChanged(TicketChanged.Kind.UPDATED, ticket));
            default:
                return Optional.empty();
        }
    }

    private void publish(Resolution resolution, EntityKind kind, Result result, String reason) {
        outcomes.publish(SyncOutcomeRecord.of(resolution.tenantId(), resolution.resolutionId(), kind,
                resolution.centerpointId(), result, reason));
    }
}
