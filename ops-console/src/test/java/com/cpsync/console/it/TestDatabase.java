package com.cpsync.console.it;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * One real PostgreSQL server (zonky's embedded binaries) for the run; zonky stops it when the JVM exits. Each IT
 * context has a database of its own on it, so one context's tenants never show in another's lists.
 */
final class TestDatabase {

    private static final Set<String> CREATED = new HashSet<>(Set.of("postgres"));
    private static EmbeddedPostgres postgres;

    private TestDatabase() {
    }

    /** The console's database, and the sync services' shared QBO budget in it, as the run-local stack has it. */
    static synchronized void register(DynamicPropertyRegistry registry, String database) throws IOException {
        if (postgres == null) {
            postgres = EmbeddedPostgres.builder().start();
        }
        if (CREATED.add(database)) {
            try (Connection connection = postgres.getPostgresDatabase().getConnection();
                    Statement statement = connection.createStatement()) {
                statement.execute("create database " + database);
            }
            catch (SQLException ex) {
                throw new IllegalStateException("could not create the test database " + database, ex);
            }
        }
        String url = postgres.getJdbcUrl("postgres", database);
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("app.qbo.budget.datasource-url", () -> url);
        registry.add("app.qbo.budget.username", () -> "postgres");
    }

    /** The default database (the shared ITs' one). */
    static synchronized DataSource postgresDatabase() {
        return postgres.getPostgresDatabase();
    }
}
