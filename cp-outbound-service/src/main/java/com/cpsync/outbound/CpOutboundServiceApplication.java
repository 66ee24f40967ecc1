package com.cpsync.outbound;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import com.cpsync.syncsupport.SyncServiceConfiguration;

/** Centerpoint events → tenant settings → QuickBooks Online writes. */
@SpringBootApplication
@Import(SyncServiceConfiguration.class)
@ConfigurationPropertiesScan
@PropertySource("classpath:cp-outbound-service.properties")
public class CpOutboundServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CpOutboundServiceApplication.class, args);
    }
}
