package com.cpsync.outbound.domain.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void shouldGiveTheSameIdForTheSameEventAndPurpose() {
        assertThat(RequestIds.forEvent("evt-1", "create-ticket-job"))
                .isEqualTo(RequestIds.forEvent("evt-1", "create-ticket-job"));
    }

    @Test
    void shouldGiveDifferentIdsForDifferentPurposesOfOneEvent() {
        assertThat(RequestIds.forEvent("evt-1", "create-ticket-job"))
                .isNotEqualTo(RequestIds.forEvent("evt-1", "create-invoice"));
    }

    @Test
    void shouldNotConfuseWhereTheEventIdEnds() {
        assertThat(RequestIds.forEvent("a:b", "c")).isNotEqualTo(RequestIds.forEvent("a", "b:c"));
    }

    @Test
    void shouldBeANameBasedUuidWithinQboBatchLimit() {
        String id = RequestIds.forEvent("5f0c6a9e-1111-4a3b-9a9a-0123456789ab", "create-project-job");

        assertThat(id).hasSizeLessThanOrEqualTo(36);
        assertThat(UUID.fromString(id).version()).isEqualTo(3);
    }
}
