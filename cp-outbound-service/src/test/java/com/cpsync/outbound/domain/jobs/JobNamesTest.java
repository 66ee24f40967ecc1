package com.cpsync.outbound.domain.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;

class JobNamesTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', value = {
            "Kitchen remodel           | Kitchen remodel",
            "Acme: Kitchen             | Acme- Kitchen",
            "'  spaced   out  '        | spaced out",
    })
    void shouldSanitizeNamesForQbo(String raw, String expected) {
        assertThat(JobNames.sanitize(raw)).isEqualTo(expected);
    }

    @Test
    void shouldReplaceTabsAndNewlinesWithSpaces() {
        assertThat(JobNames.sanitize("Roof\trepair\r\nphase 2")).isEqualTo("Roof repair phase 2");
    }

    @Test
    void shouldCutNamesTo500Characters() {
        assertThat(JobNames.sanitize("x".repeat(600))).hasSize(500);
    }

    @Test
    void shouldNeverSplitASurrogatePairWhenCutting() {
        String name = "a".repeat(499) + "\uD83D\uDE00" + "tail";

        assertThat(JobNames.sanitize(name)).isEqualTo("a".repeat(499));
    }

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
    void shouldKeepASuffixWithin500Characters() {
        String suffixed = JobNames.withSuffix("y".repeat(500), " (2)");

        assertThat(suffixed).hasSize(500).endsWith("y (2)");
    }

    @Test
    void shouldNameATicketKnownOnlyByItsIdFromAnInvoice() {
        assertThat(JobFields.forUnseenTicket("t:42")).isEqualTo(new JobFields("Ticket t-42", null));
    }
}
