package com.cpsync.console.domain.reconciliation;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class BooksSettingsTest {

    private static final BooksSettings ALL_ON = new BooksSettings("WHEN_CREATED", "WHEN_CREATED", true,
            "WHEN_CREATED", true, "WHEN_CREATED", true, true, true, true, true, true, true, true, " (customer)");

    /** Off: {@link BooksSettings#NONE}, every flag false; on: every flag true. */
    @ParameterizedTest
    @CsvSource({
            "COMPANY,         true,  true, false, true",
            "PROJECT,         false, true, false, false",
            "SERVICE_TICKET,  false, true, false, false",
            "SERVICE_INVOICE, false, true, false, false",
            "PROJECT_INVOICE, true,  true, false, true",
            "PAYMENT,         true,  true, false, true"})
    void shouldSendChangesAndTakeNewRecordsOfAnEntityAsItsOwnFlagSays(BooksEntity entity, boolean sendsWhenOff,
            boolean sendsWhenOn, boolean takesWhenOff, boolean takesWhenOn) {
        assertThat(BooksSettings.NONE.sendsChangesOf(entity)).isEqualTo(sendsWhenOff);
        assertThat(ALL_ON.sendsChangesOf(entity)).isEqualTo(sendsWhenOn);
        assertThat(BooksSettings.NONE.takes(entity)).isEqualTo(takesWhenOff);
        assertThat(ALL_ON.takes(entity)).isEqualTo(takesWhenOn);
    }
}
