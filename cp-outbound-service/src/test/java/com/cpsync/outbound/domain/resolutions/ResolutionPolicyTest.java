package com.cpsync.outbound.domain.resolutions;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.resolutions.Resolution.Action;

import static org.assertj.core.api.Assertions.assertThat;

class ResolutionPolicyTest {

    private static Resolution aResolution(String entityType, Action action, String qboId) {
        return new Resolution("r1", "t1", "out-9", entityType, "c1", action, qboId, "ops");
    }

    @Test
    void shouldDismissWhateverTheEntityAndNameWhoDismissedIt() {
        ResolutionPlan plan = ResolutionPolicy.decide(aResolution("SERVICE_INVOICE", Action.DISMISS, null), false);

        assertThat(plan).isInstanceOf(ResolutionPlan.Dismiss.class);
        assertThat(((ResolutionPlan.Dismiss) plan).reason()).startsWith("dismissed by ops").contains("resolution r1");
    }

    @Test
    void shouldRerunACompanyLinkedToTheChosenCustomer() {
        ResolutionPlan plan = ResolutionPolicy.decide(aResolution("COMPANY", Action.LINK, " 58 "), true);

        assertThat(plan).isInstanceOf(ResolutionPlan.Rerun.class);
        GivenDecision given = ((ResolutionPlan.Rerun) plan).decision();
        assertThat(given).isInstanceOf(GivenDecision.LinkTo.class);
        assertThat(((GivenDecision.LinkTo) given).qboId()).isEqualTo("58");
    }

    @Test
    void shouldRerunAJobCreatedWithTheSuffix() {
        ResolutionPlan plan = ResolutionPolicy.decide(aResolution("PROJECT", Action.CREATE_WITH_SUFFIX, null), true);

        assertThat(((ResolutionPlan.Rerun) plan).decision()).isInstanceOf(GivenDecision.CreateWithSuffix.class);
    }

    @Test
    void shouldRefuseALinkWithoutQboId() {
        ResolutionPlan plan = ResolutionPolicy.decide(aResolution("COMPANY", Action.LINK, " "), true);

        assertThat(((ResolutionPlan.Refuse) plan).reason()).contains("names no QBO id", "still held");
    }

    @Test
    void shouldRefuseToLinkOrSuffixAnInvoice() {
        ResolutionPlan plan = ResolutionPolicy.decide(aResolution("SERVICE_INVOICE", Action.CREATE_WITH_SUFFIX, null),
                true);

        assertThat(((ResolutionPlan.Refuse) plan).reason()).contains("not to SERVICE_INVOICE", "still held");
    }

    @Test
    void shouldAwaitTheStateOfAnEntityNotSeenYet() {
        ResolutionPlan plan = ResolutionPolicy.decide(aResolution("SERVICE_TICKET", Action.LINK, "60"), false);

        assertThat(((ResolutionPlan.AwaitState) plan).reason())
                .contains("no Centerpoint state of SERVICE_TICKET c1 is known here yet");
    }
}
