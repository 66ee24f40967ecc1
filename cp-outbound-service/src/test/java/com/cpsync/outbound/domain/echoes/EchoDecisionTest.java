package com.cpsync.outbound.domain.echoes;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;

import static org.assertj.core.api.Assertions.assertThat;

class EchoDecisionTest {

    private static final CompanyChanged CREATED_C7 = new CompanyChanged(CompanyChanged.Kind.CREATED,
            new Company("c7", "From Qbo Ltd", null, null, null));

    @Test
    void shouldLinkTheNewCompanyOfAnUpsertCompanyEchoToTheCommandsQboCustomer() {
        EchoDecision decision = EchoDecision.decide(OwnCommand.upsertCompany("cmd", null, "58"), CREATED_C7);

        assertThat(decision).isEqualTo(new EchoDecision.SuppressAndLink("cmd", "c7", "58"));
        assertThat(decision.reason()).isEqualTo("caused by our command cmd; COMPANY link c7 -> QBO customer 58 recorded");
    }

    @Test
    void shouldLinkAgainWhenTheCommandNamedTheSameCompany() {
        CompanyChanged updated = new CompanyChanged(CompanyChanged.Kind.UPDATED, CREATED_C7.entity());

        assertThat(EchoDecision.decide(OwnCommand.upsertCompany("cmd", "c7", "58"), updated))
                .isEqualTo(new EchoDecision.SuppressAndLink("cmd", "c7", "58"));
    }

    @Test
    void shouldNotLinkWhenTheCommandNamedAnotherCompany() {
        EchoDecision decision = EchoDecision.decide(OwnCommand.upsertCompany("cmd", "c1", "58"), CREATED_C7);

        assertThat(decision).isInstanceOf(EchoDecision.Suppress.class);
        assertThat(decision.reason()).contains("cmd", "c1", "no link recorded");
    }

    @Test
    void shouldOnlySuppressTheEchoOfAnyOtherCommand() {
        EchoDecision decision = EchoDecision.decide(OwnCommand.other("cmd"), CREATED_C7);

        assertThat(decision).isEqualTo(new EchoDecision.Suppress("caused by our command cmd"));
    }

    @Test
    void shouldOnlySuppressANonCompanyEventCausedByAnUpsertCompany() {
        ProjectChanged project = new ProjectChanged(ProjectChanged.Kind.CREATED, new Project("p1", "c7", "Roof", null));

        assertThat(EchoDecision.decide(OwnCommand.upsertCompany("cmd", null, "58"), project))
                .isInstanceOf(EchoDecision.Suppress.class);
    }

    @Test
    void shouldNameTheClashInTheReasonWhenTheLinkIsRefused() {
        EchoDecision.SuppressAndLink link = new EchoDecision.SuppressAndLink("cmd", "c7", "58");

        assertThat(link.clashReason("58 is linked to c2"))
                .isEqualTo("caused by our command cmd; COMPANY link c7 -> QBO customer 58 NOT recorded, link clash: "
                        + "58 is linked to c2");
    }
}
