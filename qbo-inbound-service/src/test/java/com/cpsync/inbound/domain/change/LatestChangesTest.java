package com.cpsync.inbound.domain.change;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LatestChangesTest {

    private static final Instant T1 = Instant.parse("2026-11-26T09:00:00Z");

    private static EntityChange change(String changeId, String id, ChangeOperation operation, Instant lastUpdated) {
        return new EntityChange(changeId, "r1", QboEntity.CUSTOMER, id, operation, lastUpdated, null,
                ChangeSource.WEBHOOK, lastUpdated, null);
    }

    @Test
    void shouldCountTheSameChangeIdOnce() {
        EntityChange first = change("e1", "1", ChangeOperation.CREATE, T1);
        EntityChange again = change("e1", "1", ChangeOperation.CREATE, T1);

        LatestChanges.Collapsed collapsed = LatestChanges.of(List.of(first, again));

        assertThat(collapsed.kept()).containsExactly(first);
        assertThat(collapsed.collapsed()).containsExactly(again);
    }

    @Test
    void shouldKeepTheLatestChangeOfEachEntityInThePlaceOfItsFirst() {
        EntityChange created = change("a", "1", ChangeOperation.CREATE, T1);
        EntityChange other = change("b", "2", ChangeOperation.CREATE, T1);
        EntityChange edited = change("c", "1", ChangeOperation.UPDATE, T1.plusSeconds(5));
        EntityChange late = change("d", "1", ChangeOperation.UPDATE, T1.plusSeconds(1));

        LatestChanges.Collapsed collapsed = LatestChanges.of(List.of(created, other, edited, late));

        assertThat(collapsed.kept()).containsExactly(edited, other);
        assertThat(collapsed.collapsed()).containsExactlyInAnyOrder(created, late);
    }

    @Test
    void shouldNeverFoldAMergeIntoTheSurvivorsUpdates() {
        EntityChange merge = new EntityChange("m", "r1", QboEntity.CUSTOMER, "1", ChangeOperation.MERGE, T1, "27",
                ChangeSource.WEBHOOK, T1, null);
        EntityChange update = change("u", "1", ChangeOperation.UPDATE, T1.plusSeconds(1));

        assertThat(LatestChanges.of(List.of(merge, update)).kept()).containsExactly(merge, update);
    }
}
