package com.cpsync.outbound.domain.companies;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.companies.CompanySyncPolicy.Trigger;
import com.cpsync.outbound.domain.settings.OutboundSettings.CompanyCreation;

import static org.assertj.core.api.Assertions.assertThat;

class CompanySyncPolicyTest {

    @Test
    void shouldSkipEveryTriggerWhenNever() {
        for (Trigger trigger : Trigger.values()) {
            assertThat(CompanySyncPolicy.decide(CompanyCreation.NEVER, trigger, false))
                    .isInstanceOf(CompanySyncDecision.Skip.class);
        }
    }

    @Test
    void shouldEnsureTheCustomerOnCreationWhenWhenCreated() {
        assertThat(CompanySyncPolicy.decide(CompanyCreation.WHEN_CREATED, Trigger.COMPANY_CREATED, false))
                .isInstanceOf(CompanySyncDecision.Ensure.class);
    }

    @Test
    void shouldWaitForTheFirstProjectOrTicketOnCreationWhenWhenFirstSent() {
        assertThat(CompanySyncPolicy.decide(CompanyCreation.WHEN_FIRST_PROJECT_OR_TICKET_SENT,
                Trigger.COMPANY_CREATED, false))
                .isEqualTo(new CompanySyncDecision.Skip(CompanySyncPolicy.WAITS_FOR_CHILD));
    }

    @Test
    void shouldBringTheCompanyAlongForAChildWhenWhenFirstSent() {
        assertThat(CompanySyncPolicy.decide(CompanyCreation.WHEN_FIRST_PROJECT_OR_TICKET_SENT,
                Trigger.NEEDED_AS_PARENT, false)).isInstanceOf(CompanySyncDecision.Ensure.class);
    }

    @Test
    void shouldTreatAChangeOfAnUnsyncedCompanyLikeACreation() {
        assertThat(CompanySyncPolicy.decide(CompanyCreation.WHEN_CREATED, Trigger.COMPANY_UPDATED, false))
                .isInstanceOf(CompanySyncDecision.Ensure.class);
        assertThat(CompanySyncPolicy.decide(CompanyCreation.WHEN_FIRST_PROJECT_OR_TICKET_SENT,
                Trigger.COMPANY_UPDATED, false)).isInstanceOf(CompanySyncDecision.Skip.class);
    }

    @Test
    void shouldUpdateALinkedCompanysCustomerOnChangeWhateverTheCreateSetting() {
        for (CompanyCreation setting : CompanyCreation.values()) {
            assertThat(CompanySyncPolicy.decide(setting, Trigger.COMPANY_UPDATED, true))
                    .isInstanceOf(CompanySyncDecision.UpdateLinked.class);
        }
    }
}
