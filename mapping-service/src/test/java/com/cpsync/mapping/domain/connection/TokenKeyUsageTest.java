package com.cpsync.mapping.domain.connection;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TokenKeyUsageTest {

    @Test
    void shouldCountRowsStillWaitingForTheCurrentKeyAndKeepTheOldKeyInUse() {
        TokenKeyUsage usage = new TokenKeyUsage("k2", List.of("legacy", "k2"), Map.of("legacy", 3L, "k2", 5L));

        assertThat(usage.rowsNotUnderCurrentKey()).isEqualTo(3);
        assertThat(usage.unusedKeyIds()).isEmpty();
        assertThat(usage.missingKeyIds()).isEmpty();
        assertThat(usage.refusal()).isEmpty();
    }

    @Test
    void shouldReportAnOldKeyNoRowNamesAsUnused() {
        TokenKeyUsage usage = new TokenKeyUsage("k2", List.of("legacy", "k2"), Map.of("k2", 8L));

        assertThat(usage.rowsNotUnderCurrentKey()).isZero();
        assertThat(usage.unusedKeyIds()).containsExactly("legacy");
    }

    @Test
    void shouldNeverReportTheCurrentKeyAsUnused() {
        assertThat(new TokenKeyUsage("k2", List.of("k2"), Map.of()).unusedKeyIds()).isEmpty();
    }

    @Test
    void shouldRefuseWhenAStoredRowNamesAKeyThatIsNotConfigured() {
        TokenKeyUsage usage = new TokenKeyUsage("k2", List.of("k2"), Map.of("legacy", 2L, "k2", 1L));

        assertThat(usage.missingKeyIds()).containsExactly("legacy");
        assertThat(usage.refusal()).hasValueSatisfying(message -> assertThat(message)
                .contains("token key(s) [legacy] that are not configured (2 under 'legacy'; configured: [k2])")
                .contains("TOKEN_ENCRYPTION_KEYS").contains("mapping_token_key_rows"));
    }

    @Test
    void shouldNotRefuseForRowsUnderARandomPerStartKey() {
        TokenKeyUsage usage = new TokenKeyUsage("k2", List.of("k2"), Map.of("ephemeral-0a1b2c3d", 4L));

        assertThat(usage.refusal()).isEmpty();
        assertThat(usage.rowsNotUnderCurrentKey()).isEqualTo(4);
    }
}
