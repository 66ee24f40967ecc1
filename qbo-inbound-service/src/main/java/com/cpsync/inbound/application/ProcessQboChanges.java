package com.cpsync.inbound.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.inbound.application.EntityStates.States;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.DeterministicIds;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.decision.Action;
import com.cpsync.inbound.domain.decision.Command;
import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.inbound.domain.decision.SyncedEntity;
import com.cpsync.inbound.domain.qbo.QboEntityParser;

/**
 * Inbound processing of one polled batch of {@code qbo.changes.v1}: per realm, collapse duplicates,
 * get entity state with as few reads as possible, decide, publish commands and outcomes, then
 * record what was emitted. Runs on the listener thread; the batch's offsets are committed after.
 * Each realm is processed on its own: a realm that fails transiently is parked and its changes are
 * forwarded to the retry topic, so the other realms of the batch complete and commit.
 */
public class ProcessQboChanges {

    private static final Logger log = LoggerFactory.getLogger(ProcessQboChanges.class);

    private final MappingDirectory mapping;
    private final SettingsDirectory settings;
    private final EntityStates states;
    private final DecideChange decideChange;
    private final InboundPublisher publisher;
    private final QboEntityParser parser;
    private final InboundMetrics metrics;
    private final Clock clock;

    private final AppliedVersions applied;
    private final RealmParking parking;
    private final Function<RuntimeException, Optional<Duration>> retryAfter;

    public ProcessQboChanges(MappingDirectory mapping, SettingsDirectory settings, EntityStates states,
            DecideChange decideChange, InboundPublisher publisher, QboEntityParser parser, InboundMetrics metrics,
            Clock clock) {
        this(mapping, settings, states, decideChange, publisher, parser, metrics, clock,
                new RealmParking(clock, Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0), failure -> Optional.empty());
    }

    /**
     * @param retryAfter how long the failure itself asks to wait (a 429's Retry-After), if it says
     */
    public ProcessQboChanges(MappingDirectory mapping, SettingsDirectory settings, EntityStates states,
            DecideChange decideChange, InboundPublisher publisher, QboEntityParser parser, InboundMetrics metrics,
            Clock clock, RealmParking parking, Function<RuntimeException, Optional<Duration>> retryAfter) {
        this.parking = parking;
        this.retryAfter = retryAfter;
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

    /**
     * Main topic: a realm that is parked, or that fails transiently now, has its changes forwarded in
     * order to the retry topic (acknowledged before returning); the other realms are processed.
     */
    public void process(List<EntityChange> changes) {
        byRealm(changes).forEach((realmId, group) -> {
            if (parking.route(realmId) == RealmParking.Route.RETRY_LATER) {
                publisher.forwardToRetry(group);
                return;
            }
            try {
                processRealm(realmId, group);
                parking.recovered(realmId);
            }
            catch (RuntimeException transientFailure) {
                Duration parkedFor = parking.park(realmId, retryAfter.apply(transientFailure));
                log.warn("realm {} failed transiently ({}); parked for {} ms, {} change(s) forwarded to the retry topic",
                        realmId, transientFailure.toString(), parkedFor.toMillis(), group.size());
                publisher.forwardToRetry(group);
            }
        });
    }

    /** Retry topic: a failure propagates, so the retry container backs off and finally dead-letters. */
    public void processRetry(List<EntityChange> changes) {
        byRealm(changes).forEach((realmId, group) -> {
            processRealm(realmId, group);
            parking.recovered(realmId);
        });
    }

    private Map<String, List<EntityChange>> byRealm(List<EntityChange> changes) {
        settings.awaitCaughtUp();
        Map<String, List<EntityChange>> byRealm = new LinkedHashMap<>();
        for (EntityChange change : changes) {
            metrics.changeConsumed(change.entityName());
            if (SyncedEntity.ofQboEntity(change.entityName()).isEmpty()) {
                metrics.ignoredEntity(change.entityName());
                continue;
            }
            byRealm.computeIfAbsent(change.realmId(), realm -> new ArrayList<>()).add(change);
        }
        return byRealm;
    }

    private void processRealm(String realmId, List<EntityChange> changes) {
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
            SyncedEntity entity = SyncedEntity.ofQboEntity(change.entityName()).orElseThrow();
            if (!connection.connected()) {
                emissions.add(emission(connection, change, Decision.failed(entity, change.entityId(),
                        "QBO connection of the tenant is disconnected")));
            }
            else if (tenantSettings.isEmpty()) {
                emissions.add(emission(connection, change, Decision.skipped(entity, Action.NONE, null,
                        change.entityId(), "tenant has no sync settings")));
            }
            else if (change.operation() == ChangeOperation.MERGE && change.deletedId() != null) {
                emissions.add(emission(connection, change, merge(connection, change, entity)));
            }
            else if (!anySettingFor(entity, tenantSettings.get())) {
                emissions.add(emission(connection, change, Decision.skipped(entity, Action.NONE, null,
                        change.entityId(), "no inbound setting for " + change.entityName() + " is on")));
            }
            else if (applied.isKnownDuplicate(change)) {
                metrics.duplicateCollapsed(change.entityName());
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
                metrics.duplicateCollapsed(change.entityName());
                continue;
            }
            Emission emission;
            try {
                emission = emission(connection, change,
                        decideChange.decide(connection, change, state, tenantSettings), syncToken);
            }
            catch (QboReadFailedException refused) {
                emission = failed(connection, change, refused);
            }
            Emission published = emission;
            emissions.add(published);
            afterPublish.add(() -> remember(connection, change, version, published));
        }
    }

    /** Same change id, or the same entity more than once: keep the latest of each entity. */
    private List<EntityChange> collapse(List<EntityChange> changes) {
        Map<Object, EntityChange> latest = new LinkedHashMap<>();
        Set<String> seenIds = new HashSet<>();
        for (EntityChange change : changes) {
            if (!seenIds.add(change.changeId())) {
                metrics.duplicateCollapsed(change.entityName());
                continue;
            }
            // merges carry their own bookkeeping; never fold them into the survivor's updates
            Object key = change.operation() == ChangeOperation.MERGE ? change.changeId() : change.key();
            EntityChange kept = latest.get(key);
            if (kept == null || !change.lastUpdated().isBefore(kept.lastUpdated())) {
                if (kept != null) {
                    metrics.duplicateCollapsed(change.entityName());
                }
                latest.put(key, change);
            }
            else {
                metrics.duplicateCollapsed(change.entityName());
            }
        }
        return new ArrayList<>(latest.values());
    }

    private void remember(Connection connection, EntityChange change, Instant version, Emission emission) {
        Command command = emission.decision().command();
        if (command instanceof Command.UpsertProjectInvoice invoice) {
            mapping.link(connection.tenantId(), "PROJECT_INVOICE",
                    DecideChange.projectInvoiceLinkId(invoice.projectId(), invoice.qboInvoiceId()),
                    invoice.qboInvoiceId());
        }
        else if (command instanceof Command.UpsertInvoicePayment payment) {
            mapping.link(connection.tenantId(), "PAYMENT", payment.qboPaymentId(), payment.qboPaymentId());
        }
        applied.completed(change, version);
    }

    private Decision merge(Connection connection, EntityChange change, SyncedEntity entity) {
        if (entity != SyncedEntity.COMPANY) {
            return Decision.skipped(entity, Action.NONE, null, change.entityId(), "only customer merges are synced");
        }
        int moved = mapping.repoint(connection.tenantId(), "COMPANY", change.deletedId(), change.entityId());
        log.info("realm {} merged customer {} into {}: {} link(s) re-pointed", connection.realmId(),
                change.deletedId(), change.entityId(), moved);
        return Decision.synced(entity, Action.UPDATE, null, change.entityId(), null);
    }

    private static boolean anySettingFor(SyncedEntity entity, InboundSettings settings) {
        switch (entity) {
            case COMPANY: return settings.anyCompanySetting();
            case PAYMENT: return settings.anyPaymentSetting();
            default: return settings.anyProjectInvoiceSetting();
        }
    }

    private Emission failed(Connection connection, EntityChange change, QboReadFailedException refused) {
        SyncedEntity entity = SyncedEntity.ofQboEntity(change.entityName()).orElseThrow();
        return emission(connection, change, Decision.failed(entity, change.entityId(), refused.getMessage()));
    }

    private Emission emission(Connection connection, EntityChange change, Decision decision) {
        return emission(connection, change, decision, null);
    }

    private static Emission emission(Connection connection, EntityChange change, Decision decision, String syncToken) {
        String commandId = decision.command() == null ? null : DeterministicIds.commandId(connection.realmId(),
                change.entityName(), change.entityId(), syncToken, decision.action().name());
        return new Emission(connection.tenantId(), connection.realmId(), change.changeId(), decision, commandId);
    }
}
