package com.cpsync.outbound.domain.companies;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.qbo.QboAddress;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerFieldsTest {

    private static final Address ADDRESS = new Address("1 Main", null, "Austin", "TX", "78701", "US");
    private static final Company ACME = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100", ADDRESS);

    @Test
    void shouldCarryNameEmailPhoneAndBillingAddress() {
        CustomerFields fields = CustomerFields.of(ACME, "Acme Renovations (customer)");

        assertThat(fields).isEqualTo(new CustomerFields("Acme Renovations (customer)", "Acme Renovations",
                "ap@acme.com", "555-0100", new QboAddress("1 Main", null, "Austin", "TX", "78701", "US")));
    }

    @Test
    void shouldMakeTheDisplayNameOneQboAccepts() {
        Company untidy = new Company("c1", "  Acme   Renovations ", null, null, null);

        CustomerFields fields = CustomerFields.of(untidy);

        assertThat(fields.displayName()).isEqualTo("Acme Renovations");
        assertThat(fields.companyName()).isEqualTo("Acme   Renovations");
        assertThat(fields.billingAddress()).isNull();
    }
}
