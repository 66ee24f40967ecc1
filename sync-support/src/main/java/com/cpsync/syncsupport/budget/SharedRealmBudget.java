package com.cpsync.syncsupport.budget;

import java.time.Clock;
import java.util.Optional;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import com.cpsync.qbo.client.RealmBudget;
import com.cpsync.qbo.client.TimeSource;

/**
 * The realm budget a sync service takes its QBO calls from: the one shared on PostgreSQL when
 * {@code app.qbo.budget.datasource-url} is set, else the service's own in-JVM limiter. Closes its pool. A database
 * that cannot be reached at start stops the start (a wrong URL shows at once); one lost later is bridged by the
 * in-JVM limiter ({@link FallbackRealmBudget}).
 */
public final class SharedRealmBudget implements AutoCloseable {

    /** Few connections: a token is one short transaction, and calls per realm are at most 10 a second. */
    private static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final PostgresRealmBudget shared;
    private final Clock clock;

    private SharedRealmBudget(HikariDataSource pool, PostgresRealmBudget shared, Clock clock) {
        this.pool = pool;
        this.shared = shared;
        this.clock = clock;
    }

    /** Off: every service keeps its own limiter. */
    public static SharedRealmBudget none() {
        return new SharedRealmBudget(null, null, Clock.systemUTC());
    }

    public static SharedRealmBudget on(String jdbcUrl, String username, String password, RealmBudgetSettings settings,
            Clock clock) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(username);
        config.setPassword(password);
        config.setMaximumPoolSize(POOL_SIZE);
        config.setPoolName("qbo-realm-budget");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            return new SharedRealmBudget(pool, new PostgresRealmBudget(pool, settings, clock, TimeSource.SYSTEM), clock);
        }
        catch (RuntimeException unusable) {
            pool.close();
            throw unusable;
        }
    }

    /**
     * The shared budget, falling back to {@code inJvm} while its database does not answer; {@code inJvm} alone
     * when none is configured.
     */
    public RealmBudget orElse(RealmBudget inJvm) {
        return shared != null ? new FallbackRealmBudget(shared, inJvm, clock) : inJvm;
    }

    /** The realm's shared budget as it stands (no token taken); empty when the budget is not shared. */
    public Optional<RealmBudgetView> view(String realmId) {
        return shared == null ? Optional.empty() : Optional.of(shared.view(realmId));
    }

    public boolean isShared() {
        return shared != null;
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
