package com.cpsync.sandbox.domain;

import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/** All realms of the sandbox, created on demand. */
public final class RealmRegistry {

    private final Map<String, Realm> realms = new ConcurrentHashMap<>();
    private final Function<String, Realm> factory;
    private final SecureRandom random = new SecureRandom();

    public RealmRegistry(Function<String, Realm> factory) {
        this.factory = factory;
    }

    public Optional<Realm> find(String realmId) {
        return Optional.ofNullable(realmId == null ? null : realms.get(realmId));
    }

    /** Creates the realm when missing; true when this call created it. */
    public boolean ensure(String realmId) {
        boolean[] created = {false};
        realms.computeIfAbsent(realmId, id -> {
            created[0] = true;
            return factory.apply(id);
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
