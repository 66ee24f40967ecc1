package com.cpsync.mapping;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Links, match-before-create, echo records and QBO connections for the sync services. Its defaults come from
 * {@code mapping-service.properties} ({@link com.cpsync.mapping.config.MappingDefaultsEnvironmentPostProcessor}).
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class MappingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MappingServiceApplication.class, args);
    }
}
