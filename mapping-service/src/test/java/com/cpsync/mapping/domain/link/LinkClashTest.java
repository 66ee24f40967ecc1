package com.cpsync.mapping.domain.link;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LinkClashTest {

    private static Link link(String cp, String qbo) {
        return new Link("t1", EntityType.COMPANY, cp, qbo, Instant.EPOCH);
    }

    @Test
    void shouldAcceptTheSamePairAgain() {
        assertThat(LinkClash.describe(EntityType.COMPANY, "c1", "58", link("c1", "58"), link("c1", "58"))).isNull();
    }

    @Test
    void shouldNameTheExistingLinkOfTheCenterpointId() {
        assertThat(LinkClash.describe(EntityType.COMPANY, "c1", "59", link("c1", "58"), null))
                .isEqualTo("COMPANY c1 is already linked to QBO id 58");
    }

    @Test
    void shouldNameTheExistingLinkOfTheQboId() {
        assertThat(LinkClash.describe(EntityType.COMPANY, "c2", "58", null, link("c1", "58")))
                .isEqualTo("QBO id 58 is already linked to COMPANY c1");
    }

    @Test
    void shouldListAllowedNamesForAnUnknownEntityType() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> EntityType.parse("Customer"))
                .hasMessageContaining("unknown entityType 'Customer'").hasMessageContaining("COMPANY, PROJECT");
    }
}
