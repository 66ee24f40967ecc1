package com.cpsync.inbound.application;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.decision.SyncedEntity;

/**
 * Inbound processing of one polled batch of {@code qbo.changes.v1}: the changes before the first unreadable
 * record are grouped per realm and each realm is processed on its own, so a realm that fails transiently
 * is parked and its changes are forwarded to the retry topic while the other realms complete and commit.
 * Runs on the listener thread; the batch's offsets are committed after.
 *
 * @param retryAfter how long the failure itself asks to wait (a 429's Retry-After), if it says
 */
public record ProcessQboChanges(ProcessRealmChanges realms, SettingsDirectory settings, InboundPublisher publisher,
        InboundMetrics metrics, RealmParking parking, Function<RuntimeException, Optional<Duration>> retryAfter) {

    private static final Logger log = LoggerFactory.getLogger(ProcessQboChanges.class);

    /** The batch's first unreadable record: the container dead-letters it and delivers the rest again. */
    public record Poison(int index, String reason) {
    }

    /**
     * Main topic: a realm that is parked, or that fails transiently now, has its changes forwarded in
     * order to the retry topic (acknowledged before returning); the other realms are processed.
     */
    public Optional<Poison> process(List<ConsumedRecord> batch) {
        byRealm(readableHead(batch)).forEach((realmId, group) -> {
            if (parking.route(realmId) == RealmParking.Route.RETRY_LATER) {
                publisher.forwardToRetry(group);
                return;
            }
            try {
                realms.process(realmId, group);
                parking.recovered(realmId);
            }
            catch (RuntimeException transientFailure) {
                Duration parkedFor = parking.park(realmId, retryAfter.apply(transientFailure));
                log.warn("realm {} failed transiently ({}); parked for {} ms, {} change(s) forwarded to the retry topic",
                        realmId, transientFailure.toString(), parkedFor.toMillis(), group.size());
                publisher.forwardToRetry(group);
            }
        });
        return firstPoison(batch);
    }

    /**
     * Retry topic: a realm still parked is not called (a {@link RealmParkedException}); a failure parks the
     * realm again and propagates, so the retry container backs off (at least for the parking) and finally
     * dead-letters.
     */
    public Optional<Poison> processRetry(List<ConsumedRecord> batch) {
        List<EntityChange> changes = readableHead(batch);
        // checked before anything is counted: a parked record comes back until its parking ended
        changes.stream().map(EntityChange::realmId).distinct().forEach(realmId -> {
            Duration parked = parking.remaining(realmId);
            if (!parked.isZero()) {
                throw new RealmParkedException(realmId, parked);
            }
        });
        byRealm(changes).forEach((realmId, group) -> {
            try {
                realms.process(realmId, group);
            }
            catch (RuntimeException transientFailure) {
                parking.park(realmId, retryAfter.apply(transientFailure));
                throw transientFailure;
            }
            parking.recovered(realmId);
        });
        return firstPoison(batch);
    }

    /** The changes before the first unreadable record: those are processed and committed. */
    private static List<EntityChange> readableHead(List<ConsumedRecord> batch) {
        List<EntityChange> changes = new ArrayList<>();
        for (ConsumedRecord record : batch) {
            if (!(record instanceof ConsumedRecord.Change readable)) {
                break;
            }
            changes.add(readable.change());
        }
        return changes;
    }

    private static Optional<Poison> firstPoison(List<ConsumedRecord> batch) {
        for (int i = 0; i < batch.size(); i++) {
            if (batch.get(i) instanceof ConsumedRecord.Unreadable unreadable) {
                return Optional.of(new Poison(i, unreadable.reason()));
            }
        }
        return Optional.empty();
    }

    /** Entities this sync does not handle (e.g. Vendor) are counted and left out. */
    private Map<String, List<EntityChange>> byRealm(List<EntityChange> changes) {
        settings.awaitCaughtUp();
        Map<String, List<EntityChange>> byRealm = new LinkedHashMap<>();
        for (EntityChange change : changes) {
            metrics.changeConsumed(change.entity().qboName());
            if (SyncedEntity.of(change.entity()).isEmpty()) {
                metrics.ignoredEntity(change.entity().qboName());
                continue;
            }
            byRealm.computeIfAbsent(change.realmId(), realm -> new ArrayList<>()).add(change);
        }
        return byRealm;
    }
}
