package com.cpsync.mapping.config;

import java.time.Clock;
import java.time.Duration;

import com.cpsync.mapping.application.ConnectToQbo;
import com.cpsync.mapping.application.CustomerMatching;
import com.cpsync.mapping.application.IssueAccessToken;
import com.cpsync.mapping.application.LinkService;
import com.cpsync.mapping.application.SyncRecords;
import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.OAuthStateStore;
import com.cpsync.mapping.application.port.QboAuthorization;
import com.cpsync.mapping.application.port.SyncRecordStore;
import com.cpsync.mapping.domain.connection.TokenCipher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * The use cases, built from the ports the adapters implement: the application layer knows no Spring. A use
 * case whose recipe is its constructor is imported; one that needs a setting unpacked is built here.
 */
@Configuration(proxyBeanMethods = false)
@Import({LinkService.class, CustomerMatching.class, IssueAccessToken.class})
public class UseCaseConfig {

    @Bean
    SyncRecords syncRecords(SyncRecordStore records,
                            @Value("${app.announced-create-ttl:PT1H}") Duration announcementTtl, Clock clock) {
        return new SyncRecords(records, announcementTtl, clock);
    }

    @Bean
    ConnectToQbo connectToQbo(OAuthStateStore states, ConnectionStore connections, QboAuthorization qbo,
                              TokenCipher cipher, QboOAuthProperties properties, Clock clock) {
        return new ConnectToQbo(states, connections, qbo, cipher, properties.stateTtl(), clock);
    }
}
