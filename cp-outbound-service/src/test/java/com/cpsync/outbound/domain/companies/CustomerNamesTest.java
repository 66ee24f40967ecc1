package com.cpsync.outbound.domain.companies;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerNamesTest {

    @Test
    void shouldNormaliseCaseAndSpaces() {
        assertThat(CustomerNames.normalise("  ACME   Renovations ")).isEqualTo("acme renovations");
    }

    @Test
    void shouldAcceptTheNameAndTheSuffixedNameAsCandidates() {
        assertThat(CustomerNames.isCandidate(" acme  renovations", "Acme Renovations", " (customer)")).isTrue();
        assertThat(CustomerNames.isCandidate("Acme Renovations (Customer)", "Acme Renovations", " (customer)"))
                .isTrue();
        assertThat(CustomerNames.isCandidate("Acme Renovations Ltd", "Acme Renovations", " (customer)")).isFalse();
    }

    @Test
    void shouldBuildALikePatternToleratingAnySpacing() {
        assertThat(CustomerNames.likePattern(" Acme  Renovations ")).isEqualTo("%acme%renovations%");
    }

    @Test
    void shouldReplaceCharactersQboRejectsInADisplayName() {
        assertThat(CustomerNames.displayName("Acme: North\tSide")).isEqualTo("Acme- North Side");
    }
}
