package com.cpsync.outbound.adapter.in.kafka.waiting;

import java.time.Clock;
import java.util.function.Predicate;

import com.cpsync.outbound.adapter.in.kafka.work.ConnectionWait;
import com.cpsync.outbound.adapter.in.kafka.work.RecordOrigin;
import com.cpsync.outbound.adapter.in.kafka.work.WorkItem;
import com.cpsync.outbound.application.HandleCenterpointEvent;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.events.OutboundEvent;

/**
 * The workers' side of the waiting room: asks the room what to do with a claimed item, and sends an item
 * to the waiting topic. An event that goes there for the first time for want of a connection gets its one
 * WAITING_FOR_CONNECTION outcome, as does one behind earlier records of a tenant that is not connected now; one
 * behind earlier records of a connected tenant gets none, nor does a handed-back record that goes back (the cycles
 * header counts its returns).
 */
public record WaitingRecords(WaitingRoom room, WaitingTopic topic, OutcomePublisher outcomes, Clock clock,
        Predicate<String> connected, WaitingWrites writes) implements ConnectionWait {


    @Override
    public Admission admit(WorkItem item) {
        String tenant = item.event().tenantId();
        RecordOrigin origin = item.origin();
        if (origin instanceof RecordOrigin.Waiting waiting) {
            return room.admitHandedBack(tenant, waiting.partition(), waiting.epoch(), waiting.offset());
        }
        return room.admitEvent(tenant, origin.partition(), origin.epoch(), origin.offset());
    }

    @Override
    public boolean keepsItsPlace(WorkItem item) {
        RecordOrigin origin = item.origin();
        return origin instanceof RecordOrigin.Events
                && room.isAheadOfBacklog(item.event().tenantId(), origin.partition(), origin.epoch(), origin.offset());
    }

    @Override
    public void hold(WorkItem item, String cause) {
        OutboundEvent event = item.event();
        String tenant = event.tenantId();
        RecordOrigin origin = item.origin();
        if (origin instanceof RecordOrigin.Waiting waiting) {
            // only a record that was handled and found its tenant disconnected leads: its tenant's later records
            // follow it. One that follows (cause null) must not become a barrier that its leader then follows.
            writes.appendIfCurrent(room, tenant, waiting.partition(), waiting.epoch(), () -> topic.append(
                    waiting.partition(), tenant, waiting.value(), new WaitingHeaders(waiting.cycles() + 1,
                            waiting.waitingSince(), event.source().offset())), cause != null);
            return;
        }
        if (!writes.appendIfCurrent(room, tenant, origin.partition(), origin.epoch(), () -> topic.append(
                origin.partition(), tenant, origin.value(), new WaitingHeaders(0, clock.instant(), origin.offset())),
                false)) {
            // its partition was revoked: its next owner reads it again
            return;
        }
        if (cause == null && connected.test(tenant)) {
            // behind records of a connected tenant (its backlog after a restart, or records handed back and not
            // ended): it is synced in its turn, and "waits for its connection" would not be true
            return;
        }
        outcomes.publish(SyncOutcomeRecord.of(tenant, event.eventId(), HandleCenterpointEvent.kindOf(event.payload()),
                event.payload().entityId(), Result.WAITING_FOR_CONNECTION, reason(tenant, cause)));
    }

    static String reason(String tenant, String cause) {
        String held = "; the event is held and synced in order once the tenant connects";
        return cause == null
                ? "earlier events of tenant " + tenant + " wait for its QuickBooks Online connection" + held
                : "tenant " + tenant + " is not connected to QuickBooks Online (" + cause + ")" + held;
    }
}
