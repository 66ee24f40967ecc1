package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.adapter.in.kafka.work.RecordOrigin;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.testsupport.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

class WaitingRecordsTest {

    private final WaitingRoom room = new WaitingRoom(Duration.ofHours(6));
    private final List<SyncOutcomeRecord> outcomes = new ArrayList<>();
    private final Set<String> connected = new HashSet<>();
    private final List<String> appended = new ArrayList<>();
    private final WaitingRecords records = new WaitingRecords(room, (partition, tenant, value, headers) -> {
        appended.add(value.getEventId());
        return appended.size() - 1;
    }, outcomes::add, new MutableClock(), connected::contains, new WaitingWrites());
    private long epoch;

    @Test
    void shouldAnnounceAnEventBehindEarlierRecordsOfATenantThatIsNotConnected() {
        assign();

        records.hold(item("e1", 5), null);

        assertThat(appended).containsExactly("e1");
        assertThat(outcomes).singleElement().satisfies(o -> {
            assertThat(o.result()).isEqualTo(Result.WAITING_FOR_CONNECTION);
            assertThat(o.reason()).startsWith("earlier events of tenant t1 wait for its QuickBooks Online connection");
        });
    }

    @Test
    void shouldNotAnnounceAnEventBehindEarlierRecordsOfAConnectedTenant() {
        assign();
        connected.add("t1");

        records.hold(item("e1", 5), null);

        assertThat(appended).containsExactly("e1");
        assertThat(outcomes).as("it waits behind its backlog, not for a connection").isEmpty();
        assertThat(room.tenantsInTopic(0, epoch)).containsExactly("t1");
    }

    @Test
    void shouldAnnounceAnEventWhoseTenantWasFoundDisconnectedWhateverTheCheckSaysNow() {
        assign();
        connected.add("t1");

        records.hold(item("e1", 5), "no QBO connection");

        assertThat(outcomes).singleElement().satisfies(o -> assertThat(o.reason()).contains("no QBO connection"));
    }

    @Test
    void shouldLeaveARecordOfARevokedPartitionToItsNextOwner() {
        assign();
        room.revoked(0);

        records.hold(item("e1", 5), null);

        assertThat(appended).isEmpty();
        assertThat(outcomes).isEmpty();
    }

    @Test
    void shouldKeepInItsPlaceARecordQueuedBeforeItsTenantsBacklog() {
        assign();
        room.atIntake("t1", 0, epoch, 10, true);

        assertThat(records.keepsItsPlace(item("e1", 9))).isTrue();
        assertThat(records.keepsItsPlace(item("e2", 11))).isFalse();
    }

    private void assign() {
        epoch = room.assigned(0);
        room.scanned(0, epoch, Map.of(), 0);
    }

    private WorkItem item(String eventId, long offset) {
        OutboundEvent event = new OutboundEvent(eventId, "t1", Instant.now(), null, new EventPayload.CompanyChanged(
                EventPayload.CompanyChanged.Kind.CREATED, new Company("c1", "Acme", null, null, null)));
        CenterpointEvent value = new CenterpointEvent();
        value.setEventId(eventId);
        return new WorkItem(event, () -> { }, new RecordOrigin.Events(0, offset, epoch, value));
    }
}
