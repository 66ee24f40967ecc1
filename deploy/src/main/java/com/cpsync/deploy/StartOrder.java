package com.cpsync.deploy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order the stack starts in: waves of parts whose dependencies are all in earlier waves, so a
 * part is started only once everything it calls answers its health check (issue 8: the stand-in
 * listening before mapping-service answered its first connect with 502). A dependency outside the
 * started set (a subset chosen with {@code STACK_SERVICES}) is taken to run elsewhere.
 */
final class StartOrder {

    private StartOrder() {
    }

    /**
     * @param dependsOn each part and the parts it needs, in the order parts should start within a wave
     * @return the waves, first to last; within a wave the given order is kept
     * @throws IllegalArgumentException when the dependencies form a cycle
     */
    static List<List<String>> waves(Map<String, List<String>> dependsOn) {
        Map<String, Set<String>> waiting = new LinkedHashMap<>();
        dependsOn.forEach((part, needs) -> {
            Set<String> inStack = new LinkedHashSet<>(needs);
            inStack.retainAll(dependsOn.keySet());
            waiting.put(part, inStack);
        });
        List<List<String>> waves = new ArrayList<>();
        while (!waiting.isEmpty()) {
            List<String> ready = waiting.entrySet().stream().filter(entry -> entry.getValue().isEmpty())
                    .map(Map.Entry::getKey).toList();
            if (ready.isEmpty()) {
                throw new IllegalArgumentException("the start dependencies form a cycle among " + waiting.keySet());
            }
            ready.forEach(waiting::remove);
            waiting.values().forEach(needs -> needs.removeAll(ready));
            waves.add(ready);
        }
        return waves;
    }
}
