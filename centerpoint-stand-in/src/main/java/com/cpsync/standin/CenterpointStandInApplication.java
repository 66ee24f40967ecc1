package com.cpsync.standin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.PropertySource;

/**
 * Plays Centerpoint Connect in the local stack (DESIGN.md §8): publishes events and settings,
 * applies the commands it receives to its in-memory data and shows the sync outcomes.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@PropertySource("classpath:centerpoint-stand-in.properties")
public class CenterpointStandInApplication {

    public static void main(String[] args) {
        SpringApplication.run(CenterpointStandInApplication.class, args);
    }
}
