package com.cpsync.inbound.adapter.out.kafka;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.schemas.avro.ChangeSource;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.QboOperation;

/** EntityChange ⇄ QboEntityChange. */
public final class ChangeAvroMapper {

    private ChangeAvroMapper() {
    }

    public static QboEntityChange toAvro(EntityChange change) {
        return QboEntityChange.newBuilder()
                .setChangeId(change.changeId())
                .setRealmId(change.realmId())
                .setEntityName(change.entityName())
                .setEntityId(change.entityId())
                .setOperation(QboOperation.valueOf(change.operation().name()))
                .setLastUpdated(change.lastUpdated())
                .setDeletedId(change.deletedId())
                .setSource(ChangeSource.valueOf(change.source().name()))
                .setReceivedAt(change.receivedAt())
                .setEntityJson(change.entityJson())
                .build();
    }

    public static EntityChange toDomain(QboEntityChange avro) {
        return new EntityChange(avro.getChangeId(), avro.getRealmId(), avro.getEntityName(), avro.getEntityId(),
                ChangeOperation.valueOf(avro.getOperation().name()), avro.getLastUpdated(), avro.getDeletedId(),
                com.cpsync.inbound.domain.change.ChangeSource.valueOf(avro.getSource().name()), avro.getReceivedAt(), avro.getEntityJson());
    }
}
