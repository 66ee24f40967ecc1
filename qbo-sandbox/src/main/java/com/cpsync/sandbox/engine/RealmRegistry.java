package com.cpsync.sandbox.engine;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import com.cpsync.sandbox.domain.faults.FaultSettings;

/** All realms of the sandbox, created on demand with the default faults and limits. */
public final class RealmRegistry {

    private final Map<String, Realm> realms = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final Clock clock;
    private final FaultSettings defaultFaults;
    private final Realm.ChangeListener listener;

    public RealmRegistry(Clock clock, FaultSettings defaultFaults, Realm.ChangeListener listener) {
        this.clock = clock;
        this.defaultFaults = defaultFaults;
        this.listener = listener;
    }

    public FaultSettings defaultFaults() {
        return defaultFaults;
    }

    public Optional<Realm> find(String realmId) {
        return Optional.ofNullable(realmId == null ? null : realms.get(realmId));
    }

    /** Creates the realm when missing; true when this call created it. */
    public boolean ensure(String realmId) {
        boolean[] created = {false};
        realms.computeIfAbsent(realmId, id -> {
            created[0] = true;
            return new Realm(id, clock, defaultFaults, listener);
        });
        return created[0];
    }

    public Realm get(String realmId) {
        ensure(realmId);
        return realms.get(realmId);
    }

    /** A realm id shaped like Intuit's (a long number). */
    public String newRealmId() {
        return "9341" + String.format("%012d", Math.floorMod(random.nextLong(), 1_000_000_000_000L));
    }
}
