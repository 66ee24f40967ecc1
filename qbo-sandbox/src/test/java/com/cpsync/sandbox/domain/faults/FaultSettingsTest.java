package com.cpsync.sandbox.domain.faults;

import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultSettingsTest {

    @Test
    void shouldDefaultToQboAsDocumented() {
        FaultSettings qbo = FaultSettings.qboDefaults();

        assertThat(qbo.retryAfter()).as("no Retry-After on 429: wait 60 s").isFalse();
        assertThat(qbo.requestIdReplay()).as("requestid replayed as documented").isTrue();
        assertThat(qbo.duplicateDocNumbers()).isEqualTo(FaultSettings.DuplicateDocNumbers.REJECT);
        assertThat(qbo.timeZone()).isEqualTo(ZoneId.of("America/Los_Angeles"));
        assertThat(qbo.lostReplyRate()).isZero();
        assertThat(qbo.timeoutRate()).isZero();
        assertThat(qbo.timeoutMs()).isEqualTo(120_000);
        assertThat(qbo.requestsPerMinute()).isEqualTo(500);
        assertThat(qbo.requestsPerSecond()).isEqualTo(10);
        assertThat(qbo.batchesPerMinute()).isEqualTo(40);
        assertThat(qbo.seed()).isNull();
    }

    @Test
    void shouldRefuseRatesOutsideZeroToOneAndOtherNonsense() {
        FaultSettings.Builder qbo = FaultSettings.qboDefaults().toBuilder();

        assertThatThrownBy(() -> qbo.lostReplyRate(1.5).build()).hasMessageContaining("lostReplyRate");
        assertThatThrownBy(() -> FaultSettings.qboDefaults().toBuilder().timeoutRate(-0.1).build()).hasMessageContaining("timeoutRate");
        assertThatThrownBy(() -> FaultSettings.qboDefaults().toBuilder().timeoutMs(-1).build()).hasMessageContaining("timeoutMs");
        assertThatThrownBy(() -> FaultSettings.qboDefaults().toBuilder().errorStatus(200).build()).hasMessageContaining("errorStatus");
        assertThatThrownBy(() -> FaultSettings.qboDefaults().toBuilder().requestsPerSecond(0).build()).hasMessageContaining("limits");
    }

    @Test
    void shouldCopyEverySettingThroughTheBuilder() {
        FaultSettings custom = FaultSettings.qboDefaults().toBuilder().retryAfter(true).requestIdReplay(false)
                .lostReplyRate(0.25).lostReply(FaultSettings.LostReply.CLOSE).timeoutRate(0.5).timeoutMs(700)
                .duplicateDocNumbers(FaultSettings.DuplicateDocNumbers.ALLOW).timeZone(ZoneId.of("Europe/Berlin"))
                .seed(42L).latencyMs(5).errorRate(0.1).errorStatus(500).accessTokenTtlSeconds(60L).throttleBodyXml(true)
                .build();

        assertThat(custom.toBuilder().build()).isEqualTo(custom);
    }
}
