package com.cpsync.outbound.adapter.in.kafka;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.domain.resolutions.Resolution;
import com.cpsync.schemas.avro.ConflictResolution;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/** Avro {@link ConflictResolution} → {@link Resolution}; an unknown entity type is invalid (dead-lettered). */
public final class ConflictResolutionAvroMapper {

    private ConflictResolutionAvroMapper() {
    }

    public static Resolution toDomain(ConflictResolution avro) {
        return new Resolution(avro.getResolutionId(), avro.getTenantId(), avro.getConflictId(), avro.getEntityType(),
                avro.getCenterpointId(), Resolution.Action.valueOf(avro.getAction().name()), avro.getQboId(),
                avro.getRequestedBy());
    }

    public static EntityKind kindOf(ConflictResolution avro) {
        try {
            return EntityKind.valueOf(avro.getEntityType());
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidMessageException("unknown entityType '" + avro.getEntityType() + "' in resolution "
                    + avro.getResolutionId());
        }
    }
}
