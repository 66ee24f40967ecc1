package com.cpsync.inbound.application;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.cpsync.inbound.application.QboReads.CdcObject;
import com.cpsync.inbound.application.QboReads.CdcPage;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.EntityKey;
import com.cpsync.inbound.domain.change.QboEntity;

/**
 * Gets the current state of changed entities with as few metered reads as possible: a change that
 * carries its entity (CDC) costs nothing; a delete needs no state; when several changes of one realm
 * need state, one CDC call since the oldest of them replaces one read each; what CDC did not return
 * is read one by one.
 */
public class EntityStates {

    /** Known state per entity: the JSON, or empty when QBO no longer has it. */
    public record States(Map<EntityKey, Optional<String>> byKey) {

        public Optional<String> of(EntityKey key) {
            return byKey.getOrDefault(key, Optional.empty());
        }
    }

    private static final Duration CDC_LIMIT = Duration.ofDays(30).minusHours(1);
    private static final Duration SLACK = Duration.ofSeconds(1);

    private final QboReads qbo;
    private final int cdcThreshold;

    /** @param cdcThreshold how many changes needing state make one CDC call worthwhile (≥ 2) */
    public EntityStates(QboReads qbo, int cdcThreshold) {
        this.qbo = qbo;
        this.cdcThreshold = Math.max(2, cdcThreshold);
    }

    public States fetch(Connection connection, List<EntityChange> changes, Instant now) {
        Map<EntityKey, Optional<String>> states = new HashMap<>();
        List<EntityChange> toFetch = new ArrayList<>();
        for (EntityChange change : changes) {
            if (change.hasEntityJson()) {
                states.put(change.key(), Optional.of(change.entityJson()));
            }
            else if (change.operation() != ChangeOperation.DELETE) {
                toFetch.add(change);
            }
        }
        if (toFetch.size() >= cdcThreshold) {
            fetchByCdc(connection, toFetch, now, states);
        }
        for (EntityChange change : toFetch) {
            if (!states.containsKey(change.key())) {
                states.put(change.key(), qbo.read(connection, change.entity(), change.entityId()));
            }
        }
        return new States(states);
    }

    private void fetchByCdc(Connection connection, List<EntityChange> toFetch, Instant now,
            Map<EntityKey, Optional<String>> states) {
        Instant oldest = toFetch.stream().map(EntityChange::lastUpdated).min(Instant::compareTo).orElse(now);
        Instant since = oldest.minus(SLACK);
        if (since.isBefore(now.minus(CDC_LIMIT))) {
            return;
        }
        Set<QboEntity> entities = EnumSet.noneOf(QboEntity.class);
        toFetch.forEach(change -> entities.add(change.entity()));
        CdcPage page = qbo.cdc(connection, entities, since);
        Map<EntityKey, CdcObject> returned = new HashMap<>();
        for (CdcObject object : page.objects()) {
            returned.put(new EntityKey(connection.realmId(), object.entity(), object.id()), object);
        }
        for (EntityChange change : toFetch) {
            CdcObject object = returned.get(change.key());
            if (object != null) {
                states.put(change.key(), object.deleted() ? Optional.empty() : Optional.of(object.json()));
            }
        }
    }
}
