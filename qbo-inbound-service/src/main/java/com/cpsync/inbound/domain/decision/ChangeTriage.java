package com.cpsync.inbound.domain.decision;

import java.util.Optional;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.decision.Decision.Failed;
import com.cpsync.inbound.domain.decision.Decision.Relinked;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;

/**
 * The decisions that need no QBO state, taken first because QBO reads are metered: a disconnected tenant,
 * a tenant without settings or with every switch of the entity off, and merges.
 */
public final class ChangeTriage {

    private ChangeTriage() {
    }

    /** Empty when the change needs its entity's current state to be decided. */
    public static Optional<Decision> decide(EntityChange change, SyncedEntity entity, boolean connected,
            Optional<InboundSettings> settings) {
        String qboId = change.entityId();
        if (!connected) {
            return Optional.of(new Failed(entity, qboId, "QBO connection of the tenant is disconnected"));
        }
        if (settings.isEmpty()) {
            return Optional.of(new SkippedBySettings(entity, Action.NONE, null, qboId, "tenant has no sync settings"));
        }
        if (change.operation() == ChangeOperation.MERGE && change.deletedId() != null) {
            return Optional.of(merge(entity, qboId, change.deletedId()));
        }
        if (!anySettingFor(entity, settings.get())) {
            return Optional.of(new SkippedBySettings(entity, Action.NONE, null, qboId,
                    "no inbound setting for " + change.entity().qboName() + " is on"));
        }
        return Optional.empty();
    }

    private static Decision merge(SyncedEntity entity, String survivorId, String mergedAwayId) {
        if (entity != SyncedEntity.COMPANY) {
            return new SkippedBySettings(entity, Action.NONE, null, survivorId, "only customer merges are synced");
        }
        return new Relinked(survivorId, mergedAwayId);
    }

    private static boolean anySettingFor(SyncedEntity entity, InboundSettings settings) {
        switch (entity) {
            case COMPANY: return settings.anyCompanySetting();
            case PAYMENT: return settings.anyPaymentSetting();
            default: return settings.anyProjectInvoiceSetting();
        }
    }
}
