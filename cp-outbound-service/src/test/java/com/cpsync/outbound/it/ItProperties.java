package com.cpsync.outbound.it;

final class ItProperties {

    /** mapping-service's JDBC and Flyway jars are on the test classpath; our app and the sandbox use neither. */
    static final String JDBC_AUTOCONFIG = "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration,"
            + "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration";

    private ItProperties() {
    }
}
