package com.cpsync.inbound;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import com.cpsync.syncsupport.SyncServiceConfiguration;

/**
 * QBO webhook ingress, CDC poller and inbound processing (QBO changes → Centerpoint commands).
 * Defaults live in {@code qbo-inbound-service.properties} so the app can run in-process beside others.
 */
@SpringBootApplication
@Import(SyncServiceConfiguration.class)
@ConfigurationPropertiesScan
@PropertySource("classpath:qbo-inbound-service.properties")
public class QboInboundServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(QboInboundServiceApplication.class, args);
    }
}
