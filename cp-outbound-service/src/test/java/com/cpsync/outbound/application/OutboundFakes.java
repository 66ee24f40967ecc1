package com.cpsync.outbound.application;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.OwnCommands;
import com.cpsync.outbound.application.port.SettingsLookup;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.domain.events.StateSource;

/**
 * The use cases wired on in-memory fakes. What outlives a restart (QBO, mapping-service, the entity
 * state topic, the outcomes topic) lives here; {@link #handler} wires a fresh service around it, as a
 * restart after a crash would.
 */
final class OutboundFakes {

    final InMemoryQbo qbo = new InMemoryQbo();
    final InMemoryMapping mapping = new InMemoryMapping();
    final Map<String, Object> states = new HashMap<>();
    final Map<String, StateSource> sources = new HashMap<>();
    final List<SyncOutcomeRecord> outcomes = new ArrayList<>();

    /** A service as it is after a (re)start: nothing in memory but what the stores hold. */
    HandleCenterpointEvent handler(SettingsLookup settings, OwnCommands ownCommands) {
        EntityStateStore state = stateStore();
        TenantQbo tenantQbo = new TenantQbo(qbo, mapping, Clock.systemUTC());
        return new HandleCenterpointEvent(settings, ownCommands, tenantQbo, mapping, state, outcomes::add);
    }

    /** Resolutions of held records, re-run through {@code handler}. */
    ResolveConflict resolver(HandleCenterpointEvent handler) {
        return new ResolveConflict(stateStore(), outcomes::add, handler, Clock.systemUTC());
    }

    EntityStateStore stateStore() {
        return new EntityStateStore() {
            @Override
            public <T> Optional<T> find(String tenantId, Class<T> type, String id) {
                return Optional.ofNullable(states.get(tenantId + "|" + type.getSimpleName() + "|" + id)).map(type::cast);
            }

            @Override
            public Optional<StateSource> sourceOf(String tenantId, Class<?> type, String id) {
                return Optional.ofNullable(sources.get(tenantId + "|" + type.getSimpleName() + "|" + id));
            }

            @Override
            public void save(String tenantId, String id, Object entity, StateSource source) {
                states.put(tenantId + "|" + entity.getClass().getSimpleName() + "|" + id, entity);
                sources.put(tenantId + "|" + entity.getClass().getSimpleName() + "|" + id, source);
            }
        };
    }
}
