package com.cpsync.outbound.domain.events;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.outbound.domain.centerpoint.Company;

import static org.assertj.core.api.Assertions.assertThat;

class StateSourceTest {

    private static final Instant T0 = Instant.parse("2026-11-30T10:00:00Z");
    private static final StateSource STATE = new StateSource(new SourcePosition(2, 100), T0);

    @ParameterizedTest(name = "partition {0}, offset {1}, {2} s after the state: superseded {3}")
    @CsvSource({
            "2, 100, 0, true",    // the state's own event, met again
            "2, 99, -5, true",    // an older one of its partition
            "2, 99, 0, true",     // an older one that happened in the same millisecond
            "2, 101, 1, false",   // a newer one
            "2, 101, 0, false",   // later in the partition, same time: the offset decides
            "2, 5, 60, false",    // an earlier offset that happened later: a topic made again
            "3, 50, -5, false",   // another partition: offsets say nothing
            "-1, -1, -5, false"   // unknown position (a resolution, a copy written before positions were carried)
    })
    void shouldTakeAnEventAsSupersededOnlyWhenBothItsPlaceAndItsTimeAreNoLater(int partition, long offset,
            long secondsAfter, boolean superseded) {
        OutboundEvent event = new OutboundEvent("e", "t1", T0.plusSeconds(secondsAfter), null,
                new EventPayload.CompanyChanged(EventPayload.CompanyChanged.Kind.UPDATED,
                        new Company("c1", "Acme", null, null, null)),
                partition < 0 ? SourcePosition.UNKNOWN : new SourcePosition(partition, offset));

        assertThat(STATE.supersedes(event)).isEqualTo(superseded);
    }

    @Test
    void shouldSupersedeNothingWhenItsOwnPositionIsUnknown() {
        StateSource unknown = new StateSource(SourcePosition.UNKNOWN, T0);
        OutboundEvent older = new OutboundEvent("e", "t1", T0.minusSeconds(5), null,
                new EventPayload.CompanyChanged(EventPayload.CompanyChanged.Kind.UPDATED,
                        new Company("c1", "Acme", null, null, null)), new SourcePosition(2, 1));

        assertThat(unknown.supersedes(older)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"'2:100', 2, 100", "'0:0', 0, 0", "'x', -1, -1", "'3:', -1, -1", "'', -1, -1"})
    void shouldReadAPositionAsItIsWrittenAndAnythingElseAsUnknown(String text, int partition, long offset) {
        assertThat(SourcePosition.parse(text)).isEqualTo(new SourcePosition(partition, offset));
        assertThat(SourcePosition.parse(new SourcePosition(7, 42).toString())).isEqualTo(new SourcePosition(7, 42));
        assertThat(SourcePosition.parse(null)).isEqualTo(SourcePosition.UNKNOWN);
    }
}
