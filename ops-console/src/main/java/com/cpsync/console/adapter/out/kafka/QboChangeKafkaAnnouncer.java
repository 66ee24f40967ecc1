package com.cpsync.console.adapter.out.kafka;

import java.time.Clock;
import java.util.UUID;

import org.apache.avro.specific.SpecificRecord;

import org.springframework.kafka.core.KafkaTemplate;

import com.cpsync.console.application.port.QboChangeAnnouncer;
import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.QboRecord;
import com.cpsync.schemas.avro.ChangeSource;
import com.cpsync.schemas.avro.QboEntityChange;
import com.cpsync.schemas.avro.QboOperation;

/**
 * Announces a QBO entity on {@code qbo.changes.v1} as the CDC poller does (key realm, source CDC, the entity's JSON
 * as queried), and waits for the broker's ack. The change id starts {@value #RESYNC_CHANGE_PREFIX} (docs/contracts.md):
 * qbo-inbound-service then decides it even when that version was applied before, and sends its command again.
 */
public class QboChangeKafkaAnnouncer implements QboChangeAnnouncer {

    static final String RESYNC_CHANGE_PREFIX = "resync:";

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String topic;
    private final Clock clock;

    public QboChangeKafkaAnnouncer(KafkaTemplate<String, SpecificRecord> kafka, String topic, Clock clock) {
        this.kafka = kafka;
        this.topic = topic;
        this.clock = clock;
    }

    @Override
    public String announce(String realmId, QboRecord entity, BooksEntity kind, String qboId, String causationId) {
        String changeId = RESYNC_CHANGE_PREFIX + UUID.randomUUID();
        QboEntityChange change = QboEntityChange.newBuilder().setChangeId(changeId).setRealmId(realmId)
                .setEntityName(qboName(kind)).setEntityId(qboId)
                .setOperation(entity == null ? QboOperation.DELETE
                        : entity.voided() ? QboOperation.VOID : QboOperation.UPDATE)
                .setLastUpdated(entity == null || entity.lastUpdated() == null ? clock.instant() : entity.lastUpdated())
                .setSource(ChangeSource.CDC).setReceivedAt(clock.instant())
                .setEntityJson(entity == null ? null : entity.json()).build();
        BrokerAcks.await(kafka.send(topic, realmId, change), "QBO change " + changeId + " (" + causationId + ")");
        return changeId;
    }

    private static String qboName(BooksEntity kind) {
        return kind == BooksEntity.PAYMENT ? "Payment" : kind == BooksEntity.COMPANY ? "Customer" : "Invoice";
    }
}
