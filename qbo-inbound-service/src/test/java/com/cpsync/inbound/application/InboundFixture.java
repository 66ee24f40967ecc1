package com.cpsync.inbound.application;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.cpsync.inbound.adapter.out.http.QboEntityJsonParser;
import com.cpsync.inbound.adapter.out.http.QboWaits;
import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.testsupport.MutableClock;

/**
 * The inbound use cases over in-memory ports and the real QBO JSON parser: realm r1 of tenant t1 is
 * connected and takes new and changed companies.
 */
final class InboundFixture {

    static final Instant T1 = Instant.parse("2026-11-26T09:00:00Z");
    static final InboundSettings NEW_AND_CHANGED_COMPANIES =
            new InboundSettings(true, true, false, false, false, false, false, false);

    final InMemoryPorts.Mapping mapping = new InMemoryPorts.Mapping();
    final InMemoryPorts.Qbo qbo = new InMemoryPorts.Qbo();
    final InMemoryPorts.Publisher publisher = new InMemoryPorts.Publisher();
    final InMemoryPorts.Settings settings = new InMemoryPorts.Settings();
    final InMemoryPorts.Metrics metrics = new InMemoryPorts.Metrics();
    final MutableClock clock = new MutableClock(qbo.now);
    final RealmParking parking = new RealmParking(clock, Duration.ofSeconds(1), Duration.ofMinutes(5), 2.0);
    final ProcessRealmChanges realms;
    final ProcessQboChanges batches;

    InboundFixture() {
        QboEntityParser parser = new QboEntityJsonParser(QboJson.mapper());
        realms = new ProcessRealmChanges(mapping, settings, new EntityStates(qbo, 2),
                new DecideChange(mapping, qbo, parser), publisher, parser, metrics, clock);
        batches = new ProcessQboChanges(realms, settings, publisher, metrics,
                parking, QboWaits::askedFor);
        connect("t1", "r1", NEW_AND_CHANGED_COMPANIES);
    }

    void connect(String tenant, String realm, InboundSettings tenantSettings) {
        mapping.byRealm.put(realm, new Connection(tenant, realm, true));
        settings.byTenant.put(tenant, tenantSettings);
    }

    static String customerJson(String id, String token, Instant updated) {
        return "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + token + "\",\"DisplayName\":\"C" + id + "\","
                + "\"MetaData\":{\"LastUpdatedTime\":\"" + updated + "\"}}";
    }

    /** A webhook's customer change of realm r1: it carries no entity JSON, so deciding it needs a read. */
    static EntityChange webhook(String changeId, String id, Instant lastUpdated) {
        return change(changeId, "r1", QboEntity.CUSTOMER, id, lastUpdated);
    }

    static EntityChange change(String changeId, String realm, QboEntity entity, String id, Instant lastUpdated) {
        return new EntityChange(changeId, realm, entity, id, ChangeOperation.CREATE, lastUpdated, null,
                ChangeSource.WEBHOOK, lastUpdated, null);
    }

    static List<ConsumedRecord> read(EntityChange... changes) {
        return List.of(changes).stream().map(change -> (ConsumedRecord) new ConsumedRecord.Change(change)).toList();
    }
}
