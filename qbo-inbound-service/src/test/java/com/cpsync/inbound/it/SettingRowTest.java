package com.cpsync.inbound.it;

import java.util.List;

import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.SyncSettings;

import static org.assertj.core.api.Assertions.assertThat;

/** The settings tables of the ITs (one per entity) together cover every inbound switch of SyncSettings. */
class SettingRowTest {

    @Test
    void shouldGroupEveryInboundSettingOfSyncSettingsUnderOneEntity() {
        assertThat(SettingRow.ENTITY_SWITCHES.values().stream().flatMap(List::stream).toList())
                .containsExactlyInAnyOrderElementsOf(
                        // the inbound switches are the boolean ones; the outbound ones start with "send"
                        SyncSettings.getClassSchema().getFields().stream()
                                .filter(field -> field.schema().getType() == Schema.Type.BOOLEAN)
                                .map(Schema.Field::name).filter(name -> !name.startsWith("send")).toList());
    }

    @Test
    void shouldTurnOnEverySwitchOfTheRowsEntityButTheOneUnderTest() {
        SyncSettings settings = new SettingRow("getPaymentChanges", false, "t", "r").settings().build();

        assertThat(settings.getGetNewPayments()).isTrue();
        assertThat(settings.getDeletePaymentsDeletedInQbo()).isTrue();
        assertThat(settings.getGetPaymentChanges()).isFalse();
        assertThat(settings.getGetNewCompaniesFromQbo()).isFalse();
    }
}
