package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.projectSettings;
import static com.cpsync.outbound.domain.jobs.JobFixtures.ticketSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.TicketCreation;

/** Projects and service tickets are both QBO jobs: a job is created as a sub-customer of its company's customer. */
class JobSyncPoliciesTest {

    static Stream<Arguments> creates() {
        return Stream.of(
                Arguments.of("project when created", ProjectSyncPolicy.decide(
                        projectSettings(ProjectCreation.WHEN_CREATED, false), ProjectTrigger.PROJECT_CREATED, false)),
                Arguments.of("service ticket when its invoice is sent", TicketSyncPolicy.decide(
                        ticketSettings(TicketCreation.WHEN_INVOICE_SENT, false), TicketTrigger.INVOICE_SENT_FOR_TICKET,
                        false)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("creates")
    void shouldCreateTheJobUnderTheCompanyCustomer(String job, JobDecision decision) {
        assertThat(decision).isEqualTo(new JobDecision.Create(List.of(RequiredParent.COMPANY_CUSTOMER)));
    }
}
