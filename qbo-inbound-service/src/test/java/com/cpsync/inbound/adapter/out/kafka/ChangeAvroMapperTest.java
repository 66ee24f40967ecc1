package com.cpsync.inbound.adapter.out.kafka;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.application.ConsumedRecord;
import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.schemas.avro.QboEntityChange;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeAvroMapperTest {

    private static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

    private static final EntityChange CHANGE = new EntityChange("c1", "r1", QboEntity.CREDIT_MEMO, "9",
            ChangeOperation.VOID, T, null, ChangeSource.CDC, T.plusSeconds(1), "{\"Id\":\"9\"}");

    @Test
    void shouldCarryTheEntityByItsQboNameAndReadItBack() {
        QboEntityChange avro = ChangeAvroMapper.toAvro(CHANGE);

        assertThat(avro.getEntityName()).isEqualTo("CreditMemo");
        assertThat(ChangeAvroMapper.toDomain(avro)).isEqualTo(new ConsumedRecord.Change(CHANGE));
    }

    @Test
    void shouldCallAChangeOfAnEntityQboDoesNotHaveUnreadableWithTheReason() {
        QboEntityChange avro = ChangeAvroMapper.toAvro(CHANGE);
        avro.setEntityName("Spaceship");

        assertThat(ChangeAvroMapper.toDomain(avro))
                .isEqualTo(new ConsumedRecord.Unreadable("unknown QBO entity 'Spaceship' in change c1"));
    }

    @Test
    void shouldCallAnythingButAQboEntityChangeUnreadable() {
        assertThat(ChangeAvroMapper.toDomain(null))
                .isEqualTo(new ConsumedRecord.Unreadable("not a QboEntityChange: unreadable record"));
        assertThat(ChangeAvroMapper.toDomain("text"))
                .isEqualTo(new ConsumedRecord.Unreadable("not a QboEntityChange: String"));
    }
}
