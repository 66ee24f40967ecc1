package com.cpsync.mapping.config;

import java.time.Clock;
import java.time.Duration;

import com.cpsync.mapping.application.ConnectToQbo;
import com.cpsync.mapping.application.CustomerMatching;
import com.cpsync.mapping.application.IssueAccessToken;
import com.cpsync.mapping.application.LinkService;
import com.cpsync.mapping.application.SyncRecords;
import com.cpsync.mapping.application.port.ConflictStore;
import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.LinkStore;
import com.cpsync.mapping.application.port.OAuthStateStore;
import com.cpsync.mapping.application.port.QboAuthorization;
import com.cpsync.mapping.application.port.QboTokenRefresh;
import com.cpsync.mapping.application.port.RefreshMetrics;
import com.cpsync.mapping.application.port.SyncRecordStore;
import com.cpsync.mapping.application.port.Transactions;
import com.cpsync.mapping.domain.connection.TokenCipher;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The use cases, built from the ports the adapters implement: the application layer knows no Spring. */
@Configuration(proxyBeanMethods = false)
public class UseCaseConfig {

    @Bean
    LinkService linkService(LinkStore links) {
        return new LinkService(links);
    }

    @Bean
    CustomerMatching customerMatching(ConflictStore conflicts) {
        return new CustomerMatching(conflicts);
    }

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

    @Bean
    IssueAccessToken issueAccessToken(ConnectionStore connections, QboTokenRefresh qbo, TokenCipher cipher,
                                      Transactions transactions, RefreshMetrics metrics, Clock clock) {
        return new IssueAccessToken(connections, qbo, cipher, transactions, metrics, clock);
    }
}
