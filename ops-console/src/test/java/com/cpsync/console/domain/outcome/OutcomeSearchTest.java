package com.cpsync.console.domain.outcome;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutcomeSearchTest {

    @Test
    void shouldNormaliseFiltersAndDropBlankText() {
        OutcomeSearch search = new OutcomeSearch("acme", "  ", "service_invoice", " failed ", null, null, 0);

        assertThat(search.text()).isNull();
        assertThat(search.entityType()).isEqualTo("SERVICE_INVOICE");
        assertThat(search.result()).isEqualTo("FAILED");
        assertThat(search.limit()).isEqualTo(OutcomeSearch.DEFAULT_LIMIT);
    }

    @Test
    void shouldKeepTheSearchedTextTrimmed() {
        assertThat(new OutcomeSearch("acme", " SI-1001 ", null, null, null, null, 10).text()).isEqualTo("SI-1001");
    }

    @Test
    void shouldRejectAnUnknownResultNamingTheAllowedOnes() {
        assertThatThrownBy(() -> new OutcomeSearch("acme", null, null, "LOST", null, null, 0))
                .isInstanceOf(InvalidSearchException.class)
                .hasMessageContaining("result must be one of").hasMessageContaining("SYNCED").hasMessageContaining("'LOST'");
    }

    @Test
    void shouldRejectAnUnknownEntity() {
        assertThatThrownBy(() -> new OutcomeSearch("acme", null, "VENDOR", null, null, null, 0))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("entity must be one of");
    }

    @Test
    void shouldRejectATimeWindowThatEndsBeforeItStarts() {
        Instant now = Instant.parse("2026-05-01T10:00:00Z");

        assertThatThrownBy(() -> new OutcomeSearch("acme", null, null, null, now, now.minusSeconds(1), 0))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("is after");
    }

    @Test
    void shouldRejectALimitAboveTheMaximumAndAMissingTenant() {
        assertThatThrownBy(() -> new OutcomeSearch("acme", null, null, null, null, null, OutcomeSearch.MAX_LIMIT + 1))
                .isInstanceOf(InvalidSearchException.class);
        assertThatThrownBy(() -> new OutcomeSearch(" ", null, null, null, null, null, 0))
                .isInstanceOf(InvalidSearchException.class).hasMessageContaining("tenant");
    }
}
