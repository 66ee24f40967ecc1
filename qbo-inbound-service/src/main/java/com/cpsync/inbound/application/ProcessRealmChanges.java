package com.cpsync.inbound.application;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.inbound.application.EntityStates.States;
import com.cpsync.inbound.domain.change.DeterministicIds;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.LatestChanges;
import com.cpsync.inbound.domain.decision.ChangeTriage;
import com.cpsync.inbound.domain.decision.Command;
import com.cpsync.inbound.domain.decision.CommandFingerprint;
import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.inbound.domain.decision.Decision.Conflict;
import com.cpsync.inbound.domain.decision.Decision.Failed;
import com.cpsync.inbound.domain.decision.Decision.Relinked;
import com.cpsync.inbound.domain.decision.Decision.Synced;
import com.cpsync.inbound.domain.decision.Decision.Unchanged;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.inbound.domain.decision.SyncedEntity;
import com.cpsync.syncsupport.mapping.LinkClash;

/**
 * The changes of one realm from one batch: route the realm to its tenant, collapse duplicates, decide
 * what needs no QBO state, get the rest's state with as few reads as possible, decide, link what a
 * command will create (a link clash holds the command back as a CONFLICT), publish commands and
 * outcomes, then record the versions. A transient failure propagates to the caller.
 */
public class ProcessRealmChanges {

    private static final Logger log = LoggerFactory.getLogger(ProcessRealmChanges.class);

    private final MappingDirectory mapping;
    private final SettingsDirectory settings;
    private final EntityStates states;
    private final DecideChange decideChange;
    private final InboundPublisher publisher;
    private final QboEntityParser parser;
    private final InboundMetrics metrics;
    private final Clock clock;
    private final AppliedVersions applied;

    public ProcessRealmChanges(MappingDirectory mapping, SettingsDirectory settings, EntityStates states,
            DecideChange decideChange, InboundPublisher publisher, QboEntityParser parser, InboundMetrics metrics,
            Clock clock) {
        this.mapping = mapping;
        this.settings = settings;
        this.states = states;
        this.decideChange = decideChange;
        this.publisher = publisher;
        this.parser = parser;
        this.metrics = metrics;
        this.clock = clock;
        this.applied = new AppliedVersions(mapping);
    }

    /** @param changes changes of synced entities, all of this realm */
    public void process(String realmId, List<EntityChange> changes) {
        Optional<Connection> found = mapping.connectionOfRealm(realmId);
        if (found.isEmpty()) {
            changes.forEach(change -> publisher.deadLetter(change, "realm " + realmId + " is not connected to any tenant"));
            return;
        }
        Connection connection = found.get();
        List<Emission> emissions = new ArrayList<>();
        Optional<InboundSettings> tenantSettings = settings.of(connection.tenantId());
        List<EntityChange> needingState = triage(connection, tenantSettings, collapse(changes), emissions);
        List<Runnable> afterPublish = new ArrayList<>();
        if (!needingState.isEmpty()) {
            decideWithState(connection, tenantSettings.orElseThrow(), needingState, emissions, afterPublish);
        }
        publisher.publish(emissions);
        afterPublish.forEach(Runnable::run);
    }

    /** Decides what needs no QBO state (reads are metered); returns the changes that do need it. */
    private List<EntityChange> triage(Connection connection, Optional<InboundSettings> tenantSettings,
            List<EntityChange> changes, List<Emission> emissions) {
        List<EntityChange> needingState = new ArrayList<>();
        for (EntityChange change : changes) {
            Optional<Decision> decided = ChangeTriage.decide(change, syncedEntityOf(change), connection.connected(),
                    tenantSettings);
            if (decided.isPresent()) {
                relinkOnMerge(connection, decided.get());
                emissions.add(emission(connection, change, decided.get(), null));
            }
            else if (applied.isKnownDuplicate(change)) {
                metrics.duplicateCollapsed(change.entity().qboName());
            }
            else {
                needingState.add(change);
            }
        }
        return needingState;
    }

    private void decideWithState(Connection connection, InboundSettings tenantSettings, List<EntityChange> changes,
            List<Emission> emissions, List<Runnable> afterPublish) {
        States known;
        try {
            known = states.fetch(connection, changes, clock.instant());
        }
        catch (QboReadFailedException refused) {
            changes.forEach(change -> emissions.add(failed(connection, change, refused)));
            return;
        }
        for (EntityChange change : changes) {
            Optional<String> state = known.of(change.key());
            String syncToken = state.map(parser::syncToken).orElse(null);
            Instant version = AppliedVersions.version(state.flatMap(parser::lastUpdated).orElse(change.lastUpdated()),
                    syncToken, state.isEmpty());
            if (!applied.claim(change, version, syncToken)) {
                metrics.duplicateCollapsed(change.entity().qboName());
                continue;
            }
            Emission emission;
            try {
                Decision decision = unlessUnchanged(connection, change,
                        decideChange.decide(connection, change, state, tenantSettings));
                emission = linkFirst(connection, change, emission(connection, change, decision, syncToken));
            }
            catch (QboReadFailedException refused) {
                emission = failed(connection, change, refused);
            }
            emissions.add(emission);
            Emission published = emission;
            afterPublish.add(() -> {
                rememberPayload(connection, change, published.decision());
                applied.completed(change, version);
            });
        }
    }

    /**
     * A command that would send Centerpoint what it was sent last for this entity is not sent again: a
     * newer QBO version can carry the same content (our own write whose reply was lost, so its SyncToken
     * was never recorded; a change to a field Centerpoint does not take).
     */
    private Decision unlessUnchanged(Connection connection, EntityChange change, Decision decision) {
        if (!(decision instanceof Synced synced) || change.resync()) {
            return decision;
        }
        Optional<String> last = mapping.appliedPayload(connection.realmId(), change.entity().qboName(),
                change.entityId());
        if (last.isPresent() && last.get().equals(CommandFingerprint.of(synced.command()))) {
            return new Unchanged(synced.entity(), synced.centerpointId(), synced.qboId());
        }
        return decision;
    }

    private void rememberPayload(Connection connection, EntityChange change, Decision decision) {
        if (decision instanceof Synced synced) {
            mapping.saveAppliedPayload(connection.realmId(), change.entity().qboName(), change.entityId(),
                    CommandFingerprint.of(synced.command()));
        }
    }

    private List<EntityChange> collapse(List<EntityChange> changes) {
        LatestChanges.Collapsed collapsed = LatestChanges.of(changes);
        collapsed.collapsed().forEach(change -> metrics.duplicateCollapsed(change.entity().qboName()));
        return collapsed.kept();
    }

    /** A merge re-points the company links before its outcome is published. */
    private void relinkOnMerge(Connection connection, Decision decision) {
        if (decision instanceof Relinked merge) {
            int moved = mapping.repoint(connection.tenantId(), "COMPANY", merge.mergedAwayQboId(), merge.qboId());
            log.info("realm {} merged customer {} into {}: {} link(s) re-pointed", connection.realmId(),
                    merge.mergedAwayQboId(), merge.qboId(), moved);
        }
    }

    /**
     * Links what a command will create before it is published, so later changes and deletes (whose QBO
     * state is gone) are recognised as ours; a clash (mapping-service 409: the QBO id is already linked
     * to another Centerpoint id) holds the command back as a CONFLICT instead of being read as "linked".
     */
    private Emission linkFirst(Connection connection, EntityChange change, Emission emission) {
        Command command = emission.decision() instanceof Synced synced ? synced.command() : null;
        try {
            if (command instanceof Command.UpsertProjectInvoice invoice) {
                mapping.link(connection.tenantId(), "PROJECT_INVOICE",
                        DecideChange.projectInvoiceLinkId(invoice.projectId(), invoice.qboInvoiceId()),
                        invoice.qboInvoiceId());
            }
            else if (command instanceof Command.UpsertInvoicePayment payment) {
                mapping.link(connection.tenantId(), "PAYMENT", payment.qboPaymentId(), payment.qboPaymentId());
            }
            return emission;
        }
        catch (LinkClash clash) {
            Decision held = emission.decision();
            return emission(connection, change, new Conflict(held.entity(), held.action(), held.centerpointId(),
                    held.qboId(), clash.getMessage()), null);
        }
    }

    private static SyncedEntity syncedEntityOf(EntityChange change) {
        return SyncedEntity.of(change.entity()).orElseThrow(
                () -> new IllegalArgumentException(change.entity().qboName() + " changes are not synced"));
    }

    private static Emission failed(Connection connection, EntityChange change, QboReadFailedException refused) {
        return emission(connection, change, new Failed(syncedEntityOf(change), change.entityId(), refused.getMessage()),
                null);
    }

    private static Emission emission(Connection connection, EntityChange change, Decision decision, String syncToken) {
        String commandId = decision instanceof Synced ? DeterministicIds.commandId(connection.realmId(),
                change.entity(), change.entityId(), syncToken, decision.action().name()) : null;
        if (commandId != null && change.resync()) {
            // Centerpoint applies a command id once: a resync's command is a new one (once per resync)
            commandId = DeterministicIds.uuidOf(commandId, change.changeId());
        }
        return new Emission(connection.tenantId(), connection.realmId(), change.changeId(), decision, commandId);
    }
}
