package com.cpsync.inbound.application;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.cpsync.inbound.adapter.out.http.MappingServiceDirectory;
import com.cpsync.inbound.adapter.out.http.QboEntityJsonParser;
import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.mapping.MappingServiceApplication;
import com.cpsync.syncsupport.auth.ServiceTokens;
import com.cpsync.syncsupport.mapping.EntityLink;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;
import com.cpsync.testsupport.apps.InProcessApp;
import com.cpsync.testsupport.auth.TestServiceKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A link clash planted in the real mapping-service (in-process, with its embedded PostgreSQL) reaches
 * the use case through the real client and becomes a CONFLICT outcome with no command. QBO reads, the
 * publisher and the tenant's connection are fakes: this test is about mapping-service's 409.
 */
class LinkClashIT {

    private static final Instant T1 = Instant.parse("2026-11-26T09:00:00Z");

    private static InProcessApp mappingApp;
    private static MappingServiceClient client;

    private final String tenant = "t-" + UUID.randomUUID();
    private final String realm = "r-" + UUID.randomUUID();

    @BeforeAll
    static void startMappingService() {
        mappingApp = InProcessApp.start(MappingServiceApplication.class, TestServiceKeys.mappingServiceArguments());
        client = MappingServiceClient.of(URI.create(mappingApp.url()),
                ServiceTokens.of("qbo-inbound-service", TestServiceKeys.privateKey(), Clock.systemUTC()));
    }

    @AfterAll
    static void stopMappingService() {
        mappingApp.close();
    }

    @Test
    void shouldHoldAnInvoiceWhoseLinkMappingServiceRefusesAsAConflict() {
        client.putLink(tenant, LinkedEntity.PROJECT, "p-B", "77");
        client.putLink(tenant, LinkedEntity.PROJECT_INVOICE, "p-A:129", "129");
        InMemoryPorts.Qbo qbo = new InMemoryPorts.Qbo();
        qbo.put(QboEntity.INVOICE, "129", "{\"Id\":\"129\",\"SyncToken\":\"2\",\"CustomerRef\":{\"value\":\"77\"},"
                + "\"TxnDate\":\"2026-11-20\",\"TotalAmt\":380.00,\"Balance\":380.00,\"Line\":[],"
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + T1 + "\"}}", T1);
        InMemoryPorts.Publisher publisher = new InMemoryPorts.Publisher();

        realmChanges(qbo, publisher).process(realm, List.of(new EntityChange("e1", realm, QboEntity.INVOICE, "129",
                ChangeOperation.UPDATE, T1, null, ChangeSource.WEBHOOK, T1, null)));

        assertThat(publisher.commands()).isEmpty();
        assertThat(publisher.emissions).singleElement().satisfies(e -> {
            assertThat(e.decision()).isInstanceOf(Decision.Conflict.class);
            assertThat(e.decision().reason()).contains("link clash", "p-B:129", "p-A:129");
        });
        assertThat(client.findLinkByQboId(tenant, LinkedEntity.PROJECT_INVOICE, "129"))
                .map(EntityLink::centerpointId).contains("p-A:129");
    }

    private ProcessRealmChanges realmChanges(InMemoryPorts.Qbo qbo, InMemoryPorts.Publisher publisher) {
        MappingDirectory mapping = new MappingServiceDirectory(client) {
            @Override
            public Optional<Connection> connectionOfRealm(String realmId) {
                // connecting for real needs the OAuth flow against the sandbox; links are what matter here
                return Optional.of(new Connection(tenant, realmId, true));
            }
        };
        InMemoryPorts.Settings settings = new InMemoryPorts.Settings();
        settings.byTenant.put(tenant, new InboundSettings(false, false, true, true, false, false, false, false));
        QboEntityParser parser = new QboEntityJsonParser(QboJson.mapper());
        return new ProcessRealmChanges(mapping, settings, new EntityStates(qbo, 2),
                new DecideChange(mapping, qbo, parser), publisher, parser, new InMemoryPorts.Metrics(),
                Clock.fixed(qbo.now, ZoneOffset.UTC));
    }
}
