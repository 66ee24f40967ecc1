package com.cpsync.outbound.domain.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;

/** Job labels; cleaning, cutting and suffixing are the qbo-client rule's (DisplayNamesTest). */
class JobNamesTest {

    @Test
    void shouldNameATicketByNumberAndSummary() {
        ServiceTicket ticket = new ServiceTicket("t-9", "c-1", "1042", "Boiler: no heat", null);

        assertThat(JobNames.forTicket(ticket)).isEqualTo("Ticket 1042 - Boiler- no heat");
    }

    @Test
    void shouldNameATicketWithoutSummaryByNumberOnly() {
        assertThat(JobNames.forTicket(new ServiceTicket("t-9", "c-1", "1042", "  ", null))).isEqualTo("Ticket 1042");
    }

    @Test
    void shouldFallBackToTheIdWhenAProjectHasNoName() {
        assertThat(JobNames.forProject(new Project("p-7", "c-1", " \n", null))).isEqualTo("Project p-7");
    }

    @Test
    void shouldNameATicketKnownOnlyByItsIdFromAnInvoice() {
        assertThat(JobFields.forUnseenTicket("t:42")).isEqualTo(new JobFields("Ticket t-42", null));
    }
}
