package com.cpsync.mapping.application;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import com.cpsync.mapping.application.port.OAuthStateStore;

final class InMemoryOAuthStateStore implements OAuthStateStore {

    private final Map<String, PendingState> states = new HashMap<>();

    @Override
    public void save(String state, String tenantId, Instant createdAt) {
        states.put(state, new PendingState(tenantId, createdAt));
    }

    @Override
    public Optional<PendingState> take(String state) {
        return Optional.ofNullable(states.remove(state));
    }

    @Override
    public int deleteOlderThan(Instant cutoff) {
        int before = states.size();
        states.values().removeIf(s -> s.createdAt().isBefore(cutoff));
        return before - states.size();
    }

    Map<String, PendingState> pending() {
        return Map.copyOf(states);
    }
}
