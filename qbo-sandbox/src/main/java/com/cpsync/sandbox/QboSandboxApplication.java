package com.cpsync.sandbox;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * The QBO sandbox. Standalone it listens on {@code QBO_SANDBOX_PORT} (8090); in-process tests pass
 * {@code server.port=0} and any {@code sandbox.*} property through {@link SpringApplicationBuilder#properties}.
 */
/*
 * Host modules start the sandbox in-process with their own classpath (JDBC, Flyway, Kafka): their
 * auto-configurations must not run here, or the sandbox would look for a database or a broker.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.XADataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.metrics.KafkaMetricsAutoConfiguration"})
@ConfigurationPropertiesScan
public class QboSandboxApplication {

    public static void main(String[] args) {
        new SpringApplicationBuilder(QboSandboxApplication.class)
                .properties(standaloneDefaults(System.getenv()))
                .run(args);
    }

    /**
     * Environment variables of the local stack mapped to properties. They are default properties (not
     * application.yml) so an in-process {@code server.port=0} is never overridden.
     */
    public static Map<String, Object> standaloneDefaults(Map<String, String> env) {
        Map<String, Object> props = new HashMap<>();
        props.put("server.port", env.getOrDefault("QBO_SANDBOX_PORT", "8090"));
        props.put("sandbox.webhooks.verifier-token", env.getOrDefault("QBO_WEBHOOK_VERIFIER_TOKEN", "local-verifier-token"));
        if (env.containsKey("QBO_WEBHOOK_TARGET_URL")) {
            props.put("sandbox.webhooks.target-url", env.get("QBO_WEBHOOK_TARGET_URL"));
        }
        if (env.containsKey("QBO_WEBHOOK_FORMAT")) {
            props.put("sandbox.webhooks.format", env.get("QBO_WEBHOOK_FORMAT"));
        }
        return props;
    }
}
