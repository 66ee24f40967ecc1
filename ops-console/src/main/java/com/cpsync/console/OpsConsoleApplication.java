package com.cpsync.console;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The operations console: indexes {@code sync.outcomes.v1} and every dead-letter topic into PostgreSQL,
 * and serves pages and a JSON API to search them, replay dead letters and read consumer lag.
 * Defaults live in {@code ops-console.properties}, as the other services keep theirs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
@PropertySource("classpath:ops-console.properties")
public class OpsConsoleApplication {

    public static void main(String[] args) {
        SpringApplication.run(OpsConsoleApplication.class, args);
    }
}
