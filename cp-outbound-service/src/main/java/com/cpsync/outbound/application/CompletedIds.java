package com.cpsync.outbound.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** The last {@code kept} ids completed by this instance (oldest forgotten first): the seen-message log. */
final class CompletedIds {

    private final Set<String> ids;

    CompletedIds(int kept) {
        this.ids = Collections.synchronizedSet(Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > kept;
            }
        }));
    }

    boolean contains(String id) {
        return ids.contains(id);
    }

    void add(String id) {
        ids.add(id);
    }
}
