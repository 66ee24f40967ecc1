package com.cpsync.outbound.domain.qbo;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Address;

import static org.assertj.core.api.Assertions.assertThat;

class QboAddressTest {

    @Test
    void shouldLeaveOutBlankAddressParts() {
        Address partial = new Address("9 Elm", " ", "Reno", null, "89501", null);

        assertThat(QboAddress.of(partial)).isEqualTo(new QboAddress("9 Elm", null, "Reno", null, "89501", null));
    }

    @Test
    void shouldTrimAndCutPartsToQbosLengths() {
        Address overlong = new Address(" 1 Main St ", null, "Austin", "TX", "7".repeat(40), "USA");

        QboAddress address = QboAddress.of(overlong);

        assertThat(address.line1()).isEqualTo("1 Main St");
        assertThat(address.postalCode()).hasSize(30);
    }
}
