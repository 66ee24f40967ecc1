package com.cpsync.inbound.adapter.out.kafka;

import java.util.Optional;

import com.cpsync.inbound.application.ConsumedRecord;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.schemas.avro.ChangeSource;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.QboOperation;

/** EntityChange ⇄ QboEntityChange. The entity name is read here, once, into {@link QboEntity}. */
public final class ChangeAvroMapper {

    private ChangeAvroMapper() {
    }

    public static QboEntityChange toAvro(EntityChange change) {
        return QboEntityChange.newBuilder()
                .setChangeId(change.changeId())
                .setRealmId(change.realmId())
                .setEntityName(change.entity().qboName())
                .setEntityId(change.entityId())
                .setOperation(QboOperation.valueOf(change.operation().name()))
                .setLastUpdated(change.lastUpdated())
                .setDeletedId(change.deletedId())
                .setSource(ChangeSource.valueOf(change.source().name()))
                .setReceivedAt(change.receivedAt())
                .setEntityJson(change.entityJson())
                .build();
    }

    /** The value of a consumed record: the change it carries, or why it is poison. */
    public static ConsumedRecord toDomain(Object value) {
        if (!(value instanceof QboEntityChange avro)) {
            return new ConsumedRecord.Unreadable("not a QboEntityChange: "
                    + (value == null ? "unreadable record" : value.getClass().getSimpleName()));
        }
        Optional<QboEntity> entity = QboEntity.ofQboName(avro.getEntityName());
        if (entity.isEmpty()) {
            return new ConsumedRecord.Unreadable("unknown QBO entity '" + avro.getEntityName() + "' in change "
                    + avro.getChangeId());
        }
        return new ConsumedRecord.Change(new EntityChange(avro.getChangeId(), avro.getRealmId(), entity.get(),
                avro.getEntityId(), ChangeOperation.valueOf(avro.getOperation().name()), avro.getLastUpdated(),
                avro.getDeletedId(), com.cpsync.inbound.domain.change.ChangeSource.valueOf(avro.getSource().name()),
                avro.getReceivedAt(), avro.getEntityJson()));
    }
}
