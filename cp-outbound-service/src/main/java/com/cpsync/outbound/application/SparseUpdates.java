package com.cpsync.outbound.application;

import java.util.function.Function;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.QboGateway.QboRefused;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Action;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.events.OutboundEvent;

/**
 * A linked record's changes sent to QBO as a sparse update with its current SyncToken, ending in one
 * UPDATE outcome: SYNCED with what the translation changed, or FAILED with QBO's refusal.
 */
final class SparseUpdates {

    private final TenantQbo qbo;
    private final OutcomePublisher outcomes;

    SparseUpdates(TenantQbo qbo, OutcomePublisher outcomes) {
        this.qbo = qbo;
        this.outcomes = outcomes;
    }

    void send(OutboundEvent event, EntityKind kind, String entityId, String qboEntity, String qboId,
            Function<String, QboWrite> writeForToken, String syncedReason) {
        try {
            qbo.updateWithCurrentToken(event.tenantId(), qboEntity, qboId, writeForToken);
            publish(event, kind, entityId, qboId, Result.SYNCED, syncedReason, null);
        }
        catch (QboRefused ex) {
            publish(event, kind, entityId, qboId, Result.FAILED, ex.getMessage(), ex.code());
        }
    }

    private void publish(OutboundEvent event, EntityKind kind, String entityId, String qboId, Result result,
            String reason, String code) {
        outcomes.publish(new SyncOutcomeRecord(event.tenantId(), null, event.eventId(), kind, entityId, qboId,
                Action.UPDATE, result, reason, code));
    }
}
