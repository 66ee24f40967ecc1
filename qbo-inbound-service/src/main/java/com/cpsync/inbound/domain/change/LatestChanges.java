package com.cpsync.inbound.domain.change;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collapses the changes of one batch: a change id counts once, and of one entity only the latest change
 * is kept (in the place of its first). A merge is never folded into the survivor's updates: it carries
 * its own bookkeeping.
 */
public final class LatestChanges {

    /** What is left to process, and what was collapsed into it. */
    public record Collapsed(List<EntityChange> kept, List<EntityChange> collapsed) {
    }

    private LatestChanges() {
    }

    public static Collapsed of(List<EntityChange> changes) {
        Map<Object, EntityChange> latest = new LinkedHashMap<>();
        Set<String> seenIds = new HashSet<>();
        List<EntityChange> collapsed = new ArrayList<>();
        for (EntityChange change : changes) {
            if (!seenIds.add(change.changeId())) {
                collapsed.add(change);
                continue;
            }
            Object key = change.operation() == ChangeOperation.MERGE ? change.changeId() : change.key();
            EntityChange kept = latest.get(key);
            if (kept == null || !change.lastUpdated().isBefore(kept.lastUpdated())) {
                if (kept != null) {
                    collapsed.add(kept);
                }
                latest.put(key, change);
            }
            else {
                collapsed.add(change);
            }
        }
        return new Collapsed(new ArrayList<>(latest.values()), collapsed);
    }
}
