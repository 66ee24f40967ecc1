package com.cpsync.outbound.application;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What this instance remembers of its recent work (completed ids, endings, re-read tokens): thread-safe and bounded,
 * the oldest entry forgotten first once {@code kept} are held. Each is a shortcut that a restart may lose; what
 * makes the work correct without it is said where it is used.
 */
final class Recent {

    private Recent() {
    }

    static <K, V> Map<K, V> map(int kept) {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > kept;
            }
        });
    }

    static <K> Set<K> set(int kept) {
        return Collections.newSetFromMap(map(kept));
    }
}
