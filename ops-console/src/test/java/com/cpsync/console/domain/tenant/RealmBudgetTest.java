package com.cpsync.console.domain.tenant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealmBudgetTest {

    @Test
    void shouldNameTheMinuteLimitAndTheTokensLeftNowNotAUsedCount() {
        assertThat(RealmBudget.shared(500, 500, 18, 20, true).detail())
                .isEqualTo("minute limit 500 (AIMD), tokens left now 18 of 20");
        assertThat(RealmBudget.shared(250, 500, 3, 10, true).detail())
                .isEqualTo("minute limit 250 (AIMD, lowered from 500 after a throttle), tokens left now 3 of 10");
        assertThat(RealmBudget.shared(500, 500, 20, 20, false).detail())
                .isEqualTo("minute limit 500 (AIMD), no call yet");
    }

    @Test
    void shouldSayWhenTheBudgetIsNotSharedOrNotReadable() {
        assertThat(RealmBudget.notShared().detail()).isEqualTo("budget not shared");
        assertThat(RealmBudget.unknown("connection refused"))
                .extracting(RealmBudget::status, RealmBudget::detail)
                .containsExactly(RealmBudget.Status.UNKNOWN, "budget not readable: connection refused");
    }
}
