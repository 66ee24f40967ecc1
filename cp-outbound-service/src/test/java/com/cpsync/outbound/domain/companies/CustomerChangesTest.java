package com.cpsync.outbound.domain.companies;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Company;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerChangesTest {

    private static final Address ADDRESS = new Address("1 Main", null, "Austin", "TX", "78701", "US");
    private static final Company ACME = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100", ADDRESS);

    @Test
    void shouldSeeOnlyTheChangedFields() {
        Company moved = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100",
                new Address("9 Elm", null, "Austin", "TX", "78702", "US"));

        assertThat(CustomerChanges.between(ACME, moved)).isEqualTo(new CustomerChanges(false, false, false, true));
    }

    @Test
    void shouldSeeNothingWhenNothingChanged() {
        assertThat(CustomerChanges.between(ACME, ACME).isEmpty()).isTrue();
    }

    @Test
    void shouldRenameTheCustomerWhenTheCompanyIsRenamed() {
        Company renamed = new Company("c1", "Acme Builders", "ap@acme.com", "555-0100", ADDRESS);

        assertThat(CustomerChanges.between(ACME, renamed)).isEqualTo(new CustomerChanges(true, false, false, false));
    }

    @Test
    void shouldSendEverythingButAMissingAddressWhenThePreviousStateIsUnknown() {
        Company noAddress = new Company("c1", "Acme Renovations", null, null, null);

        assertThat(CustomerChanges.between(null, ACME)).isEqualTo(new CustomerChanges(true, true, true, true));
        assertThat(CustomerChanges.between(null, noAddress)).isEqualTo(new CustomerChanges(true, true, true, false));
    }

    @Test
    void shouldNotTreatARemovedAddressAsAChange() {
        Company removed = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100", null);

        assertThat(CustomerChanges.between(ACME, removed).isEmpty()).isTrue();
    }
}
