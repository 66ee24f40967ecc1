package com.cpsync.outbound.domain.qbo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QboNameTest {

    @Test
    void shouldNameARecordOfTheNameListTheWayMappingServiceDoes() {
        assertThat(new QboName("Vendor", "56", "Roof Repair", true, false, "0").describe())
                .isEqualTo("QBO Vendor 56 'Roof Repair'");
        assertThat(new QboName("Customer", "57", "Kitchen", true, true, "0").describe())
                .isEqualTo("QBO Customer (sub-customer) 57 'Kitchen'");
    }
}
