package com.cpsync.console.config;

import java.io.IOException;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Without a configured {@code spring.datasource.url} the console starts its own PostgreSQL (real server binaries
 * from Maven Central), as mapping-service does, so it runs with no setup. Its index then lives as long as the process.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfig {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfig.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres() throws IOException {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        log.info("No spring.datasource.url configured: started embedded PostgreSQL on port {}", postgres.getPort());
        return postgres;
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres postgres, @Value("${spring.datasource.hikari.schema:}") String schema) {
        HikariDataSource dataSource = new HikariDataSource();
        dataSource.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        dataSource.setUsername("postgres");
        dataSource.setMaximumPoolSize(5);
        if (!schema.isBlank()) {
            dataSource.setSchema(schema);
        }
        dataSource.setPoolName("ops-console-embedded");
        return dataSource;
    }
}
