package com.cpsync.deploy.chaos.workload;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokensTest {

    @Test
    void shouldFindTheTokenAtTheStartOfANameOrAsTheWholeName() {
        assertThat(Tokens.marks("C0001 Acme Dental", "C0001")).isTrue();
        assertThat(Tokens.marks("C0001 Acme Dental (customer)", "C0001")).isTrue();
        assertThat(Tokens.marks("C0001", "C0001")).isTrue();
    }

    @Test
    void shouldNotTakeALongerTokenOrANameWithoutOneForIt() {
        assertThat(Tokens.marks("C00012 Acme", "C0001")).isFalse();
        assertThat(Tokens.marks("Acme C0001", "C0001")).isFalse();
        assertThat(Tokens.marks(null, "C0001")).isFalse();
    }
}
