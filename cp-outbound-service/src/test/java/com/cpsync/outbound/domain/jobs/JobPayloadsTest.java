package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.aProject;
import static com.cpsync.outbound.domain.jobs.JobFixtures.aTicket;
import static com.cpsync.outbound.domain.jobs.JobFixtures.anAddress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import tools.jackson.databind.node.ObjectNode;

class JobPayloadsTest {

    @Test
    void shouldCreateAProjectAsASubCustomerBilledWithItsParent() {
        ObjectNode body = JobPayloads.create(JobFields.of(aProject()), "58");

        assertThat(body.toString()).isEqualTo("{\"DisplayName\":\"Kitchen remodel\",\"Job\":true,"
                + "\"ParentRef\":{\"value\":\"58\"},\"BillWithParent\":true,"
                + "\"BillAddr\":{\"Line1\":\"1 Main St\",\"Line2\":\"Suite 2\",\"City\":\"Austin\","
                + "\"CountrySubDivisionCode\":\"TX\",\"PostalCode\":\"78701\",\"Country\":\"USA\"},"
                + "\"ShipAddr\":{\"Line1\":\"1 Main St\",\"Line2\":\"Suite 2\",\"City\":\"Austin\","
                + "\"CountrySubDivisionCode\":\"TX\",\"PostalCode\":\"78701\",\"Country\":\"USA\"}}");
    }

    @Test
    void shouldCreateATicketJobWithoutAddressWhenItHasNone() {
        ObjectNode body = JobPayloads.create(
                JobFields.of(new ServiceTicket("t-1", "c-1", "7", null, null)),
                "58");

        assertThat(body.path("DisplayName").asString()).isEqualTo("Ticket 7");
        assertThat(body.has("BillAddr")).isFalse();
        assertThat(body.has("ShipAddr")).isFalse();
    }

    @Test
    void shouldLeaveOutBlankAddressParts() {
        Address partial = new Address("9 Elm", " ", "Reno", null, "89501", null);

        ObjectNode address = QboAddress.toJson(partial);

        assertThat(address.toString()).isEqualTo("{\"Line1\":\"9 Elm\",\"City\":\"Reno\",\"PostalCode\":\"89501\"}");
    }

    @Test
    void shouldRefuseACreateWithoutParent() {
        assertThatThrownBy(() -> JobPayloads.create(JobFields.of(aTicket()), " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSendOnlyTheChangedNameInASparseUpdate() {
        JobFields before = JobFields.of(aProject());
        JobFields after = JobFields.of(new Project("p-1", "c-1", "Kitchen and bath", anAddress()));

        Optional<ObjectNode> body = JobPayloads.sparseUpdate("77", "3", after, JobChanges.between(before, after));

        assertThat(body).hasValueSatisfying(json -> assertThat(json.toString()).isEqualTo(
                "{\"Id\":\"77\",\"SyncToken\":\"3\",\"sparse\":true,\"DisplayName\":\"Kitchen and bath\"}"));
    }

    @Test
    void shouldSendBothAddressesWhenTheAddressChanged() {
        JobFields before = JobFields.of(aProject());
        Address moved = new Address("2 Oak Ave", null, "Dallas", "TX", "75201", "USA");
        JobFields after = JobFields.of(new Project("p-1", "c-1", "Kitchen remodel", moved));

        ObjectNode body = JobPayloads.sparseUpdate("77", "3", after, JobChanges.between(before, after)).orElseThrow();

        assertThat(body.has("DisplayName")).isFalse();
        assertThat(body.path("BillAddr").path("Line1").asString()).isEqualTo("2 Oak Ave");
        assertThat(body.path("ShipAddr").path("City").asString()).isEqualTo("Dallas");
        assertThat(body.path("BillAddr").has("Line2")).isFalse();
    }

    @Test
    void shouldSendNothingWhenNothingChanged() {
        JobFields same = JobFields.of(aTicket());

        assertThat(JobPayloads.sparseUpdate("77", "3", same, JobChanges.between(same, same))).isEmpty();
    }

    @Test
    void shouldSendEveryFieldWhenOnlyTheNewStateIsKnown() {
        ObjectNode body = JobPayloads.sparseUpdate("77", "3", JobFields.of(aTicket()), JobChanges.all()).orElseThrow();

        assertThat(body.path("DisplayName").asString()).isEqualTo("Ticket 1042 - Boiler repair");
        assertThat(body.has("BillAddr")).isTrue();
        assertThat(body.path("sparse").asBoolean()).isTrue();
    }
}
