package com.cpsync.console.domain.contractor;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractorLinksTest {

    private static final Instant NOW = Instant.parse("2026-05-01T10:00:00Z");
    private static final long IN_ONE_DAY = NOW.plus(Duration.ofDays(1)).getEpochSecond();

    private final ContractorLinks links = new ContractorLinks(
            "a-secret-of-enough-length".getBytes(StandardCharsets.UTF_8), Duration.ofDays(30));

    @Test
    void shouldLetASignedLinkOpenItsTenantUntilItExpires() {
        String signature = links.sign("acme", IN_ONE_DAY);

        assertThat(links.verify("acme", String.valueOf(IN_ONE_DAY), signature, NOW))
                .isEqualTo(new ContractorLinks.Verdict.Valid("acme", Instant.ofEpochSecond(IN_ONE_DAY)));
        assertThat(links.verify("acme", String.valueOf(IN_ONE_DAY), signature.toUpperCase(), NOW))
                .isInstanceOf(ContractorLinks.Verdict.Valid.class);
    }

    @Test
    void shouldRefuseAnExpiredLink() {
        String signature = links.sign("acme", IN_ONE_DAY);

        assertThat(links.verify("acme", String.valueOf(IN_ONE_DAY), signature, NOW.plus(Duration.ofDays(1))))
                .isEqualTo(new ContractorLinks.Verdict.Refused("the link has expired"));
    }

    @Test
    void shouldRefuseALinkMovedToAnotherTenantOrStretchedInTime() {
        String signature = links.sign("acme", IN_ONE_DAY);

        assertThat(links.verify("globex", String.valueOf(IN_ONE_DAY), signature, NOW))
                .isEqualTo(new ContractorLinks.Verdict.Refused("the link is not valid"));
        assertThat(links.verify("acme", String.valueOf(IN_ONE_DAY + 86_400), signature, NOW))
                .isEqualTo(new ContractorLinks.Verdict.Refused("the link is not valid"));
    }

    @Test
    void shouldRefuseALinkSignedWithAnotherSecret() {
        ContractorLinks other = new ContractorLinks("another-secret-entirely".getBytes(StandardCharsets.UTF_8),
                Duration.ofDays(30));

        assertThat(links.verify("acme", String.valueOf(IN_ONE_DAY), other.sign("acme", IN_ONE_DAY), NOW))
                .isInstanceOf(ContractorLinks.Verdict.Refused.class);
    }

    @Test
    void shouldRefuseALinkThatWouldLiveLongerThanAllowed() {
        long inAYear = NOW.plus(Duration.ofDays(365)).getEpochSecond();

        assertThat(links.verify("acme", String.valueOf(inAYear), links.sign("acme", inAYear), NOW))
                .isEqualTo(new ContractorLinks.Verdict.Refused("the link lives longer than 30 days"));
    }

    @Test
    void shouldRefuseAnIncompleteOrGarbledLink() {
        assertThat(links.verify("acme", null, "abc", NOW)).isInstanceOf(ContractorLinks.Verdict.Refused.class);
        assertThat(links.verify("acme", "tomorrow", "abc", NOW))
                .isEqualTo(new ContractorLinks.Verdict.Refused("the link is not valid"));
    }

    @Test
    void shouldRefuseAShortSecret() {
        assertThatThrownBy(() -> new ContractorLinks(new byte[8], Duration.ofDays(1)))
                .hasMessageContaining("at least 16 bytes");
    }
}
