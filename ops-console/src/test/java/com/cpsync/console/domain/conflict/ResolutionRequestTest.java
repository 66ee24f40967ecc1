package com.cpsync.console.domain.conflict;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResolutionRequestTest {

    @Test
    void shouldTakeALinkWithItsQboId() {
        assertThat(ResolutionRequest.parse("link", " 58 "))
                .isEqualTo(new ResolutionRequest(ResolutionRequest.Action.LINK, "58"));
    }

    @Test
    void shouldTakeCreateWithSuffixAndDismissWithoutQboId() {
        assertThat(ResolutionRequest.parse("CREATE_WITH_SUFFIX", "").qboId()).isNull();
        assertThat(ResolutionRequest.parse("DISMISS", null).action()).isEqualTo(ResolutionRequest.Action.DISMISS);
    }

    @Test
    void shouldRefuseAMissingOrUnknownAction() {
        assertThatThrownBy(() -> ResolutionRequest.parse(null, null)).hasMessageContaining("'action' is required");
        assertThatThrownBy(() -> ResolutionRequest.parse("MERGE", null)).hasMessageContaining("cannot be 'MERGE'");
    }

    @Test
    void shouldRefuseALinkWithoutQboIdAndAQboIdWithAnythingElse() {
        assertThatThrownBy(() -> ResolutionRequest.parse("LINK", " ")).hasMessageContaining("needs 'qboId'");
        assertThatThrownBy(() -> ResolutionRequest.parse("DISMISS", "58")).hasMessageContaining("takes no 'qboId'");
    }

    @Test
    void shouldDismissAnythingButLinkOrSuffixOnlyWhatIsMatchedByName() {
        ResolutionRequest.parse("DISMISS", null).requireApplicableTo("SERVICE_INVOICE");
        ResolutionRequest.parse("LINK", "58").requireApplicableTo("SERVICE_TICKET");

        assertThatThrownBy(() -> ResolutionRequest.parse("CREATE_WITH_SUFFIX", null)
                .requireApplicableTo("SERVICE_INVOICE")).isInstanceOf(InvalidResolutionException.class)
                .hasMessageContaining("not to SERVICE_INVOICE");
    }
}
