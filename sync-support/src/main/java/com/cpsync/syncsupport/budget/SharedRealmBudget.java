package com.cpsync.syncsupport.budget;

import java.time.Clock;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import com.cpsync.qbo.client.RealmBudget;
import com.cpsync.qbo.client.TimeSource;

/**
 * The realm budget a sync service takes its QBO calls from: the one shared on PostgreSQL when
 * {@code app.qbo.budget.datasource-url} is set, else the service's own in-JVM limiter. Closes its pool.
 */
public final class SharedRealmBudget implements AutoCloseable {

    /** Few connections: a token is one short transaction, and calls per realm are at most 10 a second. */
    private static final int POOL_SIZE = 4;

    private final HikariDataSource pool;
    private final PostgresRealmBudget shared;

    private SharedRealmBudget(HikariDataSource pool, PostgresRealmBudget shared) {
        this.pool = pool;
        this.shared = shared;
    }

    /** Off: every service keeps its own limiter. */
    public static SharedRealmBudget none() {
        return new SharedRealmBudget(null, null);
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
            return new SharedRealmBudget(pool, new PostgresRealmBudget(pool, settings, clock, TimeSource.SYSTEM));
        }
        catch (RuntimeException unusable) {
            pool.close();
            throw unusable;
        }
    }

    public Optional<RealmBudget> shared() {
        return Optional.ofNullable(shared);
    }

    /** The shared budget, or {@code inJvm} when none is configured. */
    public RealmBudget orElse(RealmBudget inJvm) {
        return shared != null ? shared : inJvm;
    }

    /** For tests and health: the pool the budget uses, when there is one. */
    public Optional<DataSource> dataSource() {
        return Optional.ofNullable(pool);
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.close();
        }
    }
}
