package com.cpsync.outbound.domain.companies;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Company;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerPayloadsTest {

    private static final Address ADDRESS = new Address("1 Main", null, "Austin", "TX", "78701", "US");
    private static final Company ACME = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100", ADDRESS);

    @Test
    void shouldCarryNameEmailPhoneAndBillingAddressOnCreate() {
        ObjectNode body = CustomerPayloads.create(ACME, "Acme Renovations (customer)");

        assertThat(body.path("DisplayName").asString()).isEqualTo("Acme Renovations (customer)");
        assertThat(body.path("CompanyName").asString()).isEqualTo("Acme Renovations");
        assertThat(body.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("ap@acme.com");
        assertThat(body.path("PrimaryPhone").path("FreeFormNumber").asString()).isEqualTo("555-0100");
        assertThat(body.path("BillAddr").path("CountrySubDivisionCode").asString()).isEqualTo("TX");
        assertThat(body.has("Line2")).isFalse();
    }

    @Test
    void shouldSendOnlyTheChangedFieldsWithTheSyncToken() {
        Company moved = new Company("c1", "Acme Renovations", "ap@acme.com", "555-0100",
                new Address("9 Elm", null, "Austin", "TX", "78702", "US"));

        ObjectNode body = CustomerPayloads.sparseUpdate("58", "3", ACME, moved).orElseThrow();

        assertThat(body.path("sparse").asBoolean()).isTrue();
        assertThat(body.path("SyncToken").asString()).isEqualTo("3");
        assertThat(body.path("BillAddr").path("Line1").asString()).isEqualTo("9 Elm");
        assertThat(body.has("DisplayName")).isFalse();
        assertThat(body.has("PrimaryEmailAddr")).isFalse();
    }

    @Test
    void shouldSendNothingWhenNothingChanged() {
        assertThat(CustomerPayloads.sparseUpdate("58", "3", ACME, ACME)).isEmpty();
    }

    @Test
    void shouldRenameTheCustomerWhenTheCompanyIsRenamed() {
        Company renamed = new Company("c1", "Acme Builders", "ap@acme.com", "555-0100", ADDRESS);

        ObjectNode body = CustomerPayloads.sparseUpdate("58", "3", ACME, renamed).orElseThrow();

        assertThat(body.path("DisplayName").asString()).isEqualTo("Acme Builders");
    }
}
