package com.cpsync.inbound.application;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.EntityKey;

/**
 * Which version of each entity was applied: mapping-service's applied-changes is the shared truth
 * (atomic "store when newer"); a local memory spares repeated deliveries the read and the HTTP call.
 */
public class AppliedVersions {

    private static final int REMEMBERED = 10_000;

    private final MappingDirectory mapping;

    /** The last applied version per entity. */
    private final Map<EntityKey, Instant> lastApplied = lru();

    /** Change ids already handled (a webhook retried by Intuit keeps its id). */
    private final Map<String, Instant> handledChangeIds = lru();

    /** Claimed in mapping-service but not yet published: a retried batch must not see them as duplicates. */
    private final Set<EntityKey> pendingClaims = Collections.synchronizedSet(new HashSet<>());

    public AppliedVersions(MappingDirectory mapping) {
        this.mapping = mapping;
    }

    /** Surely a duplicate or older, without asking anyone. */
    public boolean isKnownDuplicate(EntityChange change) {
        if (pendingClaims.contains(change.key())) {
            return false;
        }
        if (handledChangeIds.containsKey(change.changeId())) {
            return true;
        }
        if (change.resync()) {
            return false;
        }
        Instant applied = lastApplied.get(change.key());
        // QBO times have whole seconds: only a change of an earlier second is surely older
        return applied != null && change.lastUpdated().truncatedTo(ChronoUnit.SECONDS)
                .isBefore(applied.truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The version stored in mapping-service's applied-changes. QBO's LastUpdatedTime has whole seconds,
     * so a create and an edit (or a delete) in the same second would look equal: the SyncToken orders
     * versions within a second, and a deletion comes after every version of its second. Webhook and CDC
     * deliveries of the same state give the same version, so the second one is recognised as a duplicate.
     */
    public static Instant version(Instant lastUpdated, String syncToken, boolean gone) {
        Instant second = lastUpdated.truncatedTo(ChronoUnit.SECONDS);
        if (gone) {
            return second.plusMillis(999);
        }
        long token;
        try {
            token = syncToken == null ? 0 : Long.parseLong(syncToken.trim());
        }
        catch (NumberFormatException notNumeric) {
            token = 0;
        }
        return second.plusMillis(Math.min(Math.max(token, 0), 998));
    }

    /** True when this version is newer than every applied one, or a resync (and now ours to publish). */
    public boolean claim(EntityChange change, Instant version, String syncToken) {
        if (pendingClaims.contains(change.key())) {
            return true;
        }
        boolean newer = mapping.markApplied(change.realmId(), change.entity().qboName(), change.entityId(), version,
                syncToken) || change.resync();
        if (newer) {
            pendingClaims.add(change.key());
        }
        else {
            handledChangeIds.put(change.changeId(), version);
        }
        return newer;
    }

    /** The claimed version was published. */
    public void completed(EntityChange change, Instant version) {
        lastApplied.merge(change.key(), version, (a, b) -> a.isAfter(b) ? a : b);
        handledChangeIds.put(change.changeId(), version);
        pendingClaims.remove(change.key());
    }

    private static <K> Map<K, Instant> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, Instant> eldest) {
                return size() > REMEMBERED;
            }
        });
    }
}
