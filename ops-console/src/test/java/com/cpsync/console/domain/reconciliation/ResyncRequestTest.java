package com.cpsync.console.domain.reconciliation;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResyncRequestTest {

    @Test
    void shouldParseEachOfTheThreeShapes() {
        assertThat(ResyncRequest.parse("SERVICE_INVOICE", "si-1", null, null).oneEntity())
                .contains(BooksEntity.SERVICE_INVOICE);
        assertThat(ResyncRequest.parse(null, null, "MISSING_IN_QBO", null).kind())
                .isEqualTo(DifferenceKind.MISSING_IN_QBO);
        assertThat(ResyncRequest.parse(null, null, null, true).all()).isTrue();
    }

    @Test
    void shouldRefuseNoneTwoOrHalfAShape() {
        assertThatThrownBy(() -> ResyncRequest.parse(null, null, null, null))
                .isInstanceOf(InvalidResyncException.class).hasMessageContaining("exactly one");
        assertThatThrownBy(() -> ResyncRequest.parse(null, null, "MISSING_IN_QBO", true))
                .isInstanceOf(InvalidResyncException.class);
        assertThatThrownBy(() -> ResyncRequest.parse("COMPANY", null, null, null))
                .isInstanceOf(InvalidResyncException.class).hasMessageContaining("centerpointId");
        assertThatThrownBy(() -> ResyncRequest.parse("INVOICE", "x", null, null))
                .isInstanceOf(InvalidResyncException.class).hasMessageContaining("entity must be one of");
    }

    @Test
    void shouldRefuseKindsResyncDoesNotRepair() {
        assertThatThrownBy(() -> ResyncRequest.parse(null, null, "HELD_CONFLICT", null))
                .isInstanceOf(InvalidResyncException.class).hasMessageContaining("a person resolves");
        assertThatThrownBy(() -> ResyncRequest.parse(null, null, "IN_FLIGHT", null))
                .isInstanceOf(InvalidResyncException.class);
    }

    @Test
    void shouldCoverOnlyRepairableDifferencesOfTheRequest() {
        Difference missing = new Difference(BooksEntity.COMPANY, "co-1", null, DifferenceKind.MISSING_IN_QBO, "");
        Difference held = new Difference(BooksEntity.COMPANY, "co-2", null, DifferenceKind.HELD_CONFLICT, "");
        Difference changed = new Difference(BooksEntity.SERVICE_INVOICE, "si-1", "130",
                DifferenceKind.CHANGED_IN_QBO, "");

        ResyncRequest all = ResyncRequest.parse(null, null, null, true);
        ResyncRequest missingOnly = ResyncRequest.parse(null, null, "MISSING_IN_QBO", null);

        assertThat(all.covers(missing)).isTrue();
        assertThat(all.covers(changed)).isTrue();
        assertThat(all.covers(held)).isFalse();
        assertThat(missingOnly.covers(missing)).isTrue();
        assertThat(missingOnly.covers(changed)).isFalse();
    }
}
