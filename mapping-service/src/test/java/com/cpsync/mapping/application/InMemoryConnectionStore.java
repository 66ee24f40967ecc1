package com.cpsync.mapping.application;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.EncryptedTokens;
import com.cpsync.mapping.application.port.Transactions;
import com.cpsync.mapping.domain.connection.ConnectionStatus;

/**
 * Connections in memory, with transactions that undo what the work stored when it throws (as a rollback does),
 * and a log of the writes and row locks, each marked when it happened inside a transaction.
 */
final class InMemoryConnectionStore implements ConnectionStore {

    private final Map<String, StoredConnection> rows = new LinkedHashMap<>();
    private final List<String> events = new ArrayList<>();
    private final ThreadLocal<Boolean> inTransaction = ThreadLocal.withInitial(() -> false);
    private volatile Runnable beforeNextLock = () -> { };

    Transactions transactions() {
        return new Transactions() {
            @Override
            public <T> T inTransaction(Supplier<T> work) {
                Map<String, StoredConnection> before = snapshot();
                inTransaction.set(true);
                try {
                    return work.get();
                } catch (RuntimeException e) {
                    restore(before);
                    throw e;
                } finally {
                    inTransaction.set(false);
                }
            }
        };
    }

    /** What another instance does between our first read and our row lock. */
    void beforeNextLock(Runnable otherInstance) {
        beforeNextLock = otherInstance;
    }

    synchronized List<String> events() {
        return List.copyOf(events);
    }

    synchronized StoredConnection row(String tenantId) {
        return rows.get(tenantId);
    }

    synchronized List<StoredConnection> rows() {
        return rows.values().stream().sorted((a, b) -> a.tenantId().compareTo(b.tenantId())).toList();
    }

    synchronized void put(StoredConnection connection) {
        rows.remove(connection.tenantId());
        rows.put(connection.tenantId(), connection);
    }

    @Override
    public synchronized Optional<StoredConnection> findByTenant(String tenantId) {
        return Optional.ofNullable(rows.get(tenantId));
    }

    @Override
    public Optional<StoredConnection> lockByTenant(String tenantId) {
        if (!inTransaction.get()) {
            throw new IllegalStateException("a row lock outside a transaction is released at once");
        }
        Runnable otherInstance = beforeNextLock;
        beforeNextLock = () -> { };
        otherInstance.run();
        synchronized (this) {
            events.add("lock " + tenantId); // only ever inside a transaction
            return Optional.ofNullable(rows.get(tenantId));
        }
    }

    @Override
    public synchronized Optional<StoredConnection> findByRealm(String realmId) {
        List<StoredConnection> ofRealm = rows.values().stream().filter(c -> c.realmId().equals(realmId)).toList();
        return ofRealm.stream().filter(c -> c.status() == ConnectionStatus.CONNECTED).findFirst()
                .or(() -> ofRealm.isEmpty() ? Optional.empty() : Optional.of(ofRealm.get(ofRealm.size() - 1)));
    }

    @Override
    public synchronized List<StoredConnection> findConnected() {
        return rows.values().stream().filter(c -> c.status() == ConnectionStatus.CONNECTED)
                .sorted((a, b) -> a.tenantId().compareTo(b.tenantId())).toList();
    }

    @Override
    public synchronized void upsertConnected(String tenantId, String realmId, EncryptedTokens tokens) {
        put(connected(tenantId, realmId, tokens));
        log("connect " + tenantId);
    }

    @Override
    public synchronized void updateTokens(String tenantId, EncryptedTokens tokens) {
        StoredConnection old = rows.get(tenantId);
        if (old != null) {
            put(new StoredConnection(tenantId, old.realmId(), old.status(), tokens.accessTokenEnc(),
                    tokens.refreshTokenEnc(), tokens.accessExpiresAt(), tokens.refreshExpiresAt()));
        }
        log("update " + tenantId);
    }

    @Override
    public synchronized int disconnect(String tenantId) {
        StoredConnection old = rows.get(tenantId);
        if (old == null) {
            return 0;
        }
        put(new StoredConnection(tenantId, old.realmId(), ConnectionStatus.DISCONNECTED, null, null, null, null));
        log("disconnect " + tenantId);
        return 1;
    }

    static StoredConnection connected(String tenantId, String realmId, EncryptedTokens tokens) {
        return new StoredConnection(tenantId, realmId, ConnectionStatus.CONNECTED, tokens.accessTokenEnc(),
                tokens.refreshTokenEnc(), tokens.accessExpiresAt(), tokens.refreshExpiresAt());
    }

    private synchronized void log(String event) {
        events.add(inTransaction.get() ? event + " in transaction" : event);
    }

    private synchronized Map<String, StoredConnection> snapshot() {
        return new LinkedHashMap<>(rows);
    }

    private synchronized void restore(Map<String, StoredConnection> before) {
        rows.clear();
        rows.putAll(before);
        events.add("rollback");
    }
}
