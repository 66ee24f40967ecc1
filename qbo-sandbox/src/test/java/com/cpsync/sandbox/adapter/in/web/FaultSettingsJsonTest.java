package com.cpsync.sandbox.adapter.in.web;

import java.time.Instant;
import java.time.ZoneId;

import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.faults.FaultSettings;
import com.cpsync.sandbox.engine.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class FaultSettingsJsonTest {

    private static final Instant NOW = Instant.parse("2026-11-20T10:00:00Z");

    private static FaultSettingsJson.Update apply(String json) {
        return FaultSettingsJson.apply(FaultSettings.qboDefaults(), Json.parseObject(json), NOW);
    }

    private static QboFault refusal(String json) {
        return catchThrowableOfType(QboFault.class, () -> apply(json));
    }

    @Test
    void shouldReadEveryNewKnobAndKeepWhatIsNotGiven() {
        FaultSettings s = apply("{\"retryAfter\":true,\"requestIdReplay\":false,\"lostReplyRate\":0.5,\"lostReply\":\"close\","
                + "\"timeoutRate\":0.25,\"timeoutMs\":3000,\"duplicateDocNumbers\":\"ALLOW\",\"timeZone\":\"America/New_York\","
                + "\"seed\":42}").settings();

        assertThat(s).isEqualTo(FaultSettings.qboDefaults().toBuilder().retryAfter(true).requestIdReplay(false)
                .lostReplyRate(0.5).lostReply(FaultSettings.LostReply.CLOSE).timeoutRate(0.25).timeoutMs(3000)
                .duplicateDocNumbers(FaultSettings.DuplicateDocNumbers.ALLOW).timeZone(ZoneId.of("America/New_York"))
                .seed(42L).build());
    }

    @Test
    void shouldReseedOnlyWhenTheBodyGivesASeed() {
        assertThat(apply("{\"seed\":null}").reseed()).isTrue();
        assertThat(apply("{\"seed\":7}").reseed()).isTrue();
        assertThat(apply("{\"lostReplyRate\":0.1}").reseed()).isFalse();
    }

    @Test
    void shouldOpenAnOutageWindowFromNow() {
        assertThat(apply("{\"outageSeconds\":60}").settings().outageUntil()).isEqualTo(NOW.plusSeconds(60));
        assertThat(apply("{\"outageSeconds\":0}").settings().outageUntil()).isNull();
    }

    @Test
    void shouldNameAnUnknownFieldOrAValueOutOfRange() {
        assertThat(refusal("{\"lostReplyRatio\":0.5}").details().detail()).contains("lostReplyRatio", "lostReplyRate");
        assertThat(refusal("{\"lostReplyRate\":2}").details().detail()).contains("lostReplyRate", "between 0 and 1");
        assertThat(refusal("{\"duplicateDocNumbers\":\"WARN\"}").details().detail()).contains("duplicateDocNumbers");
        assertThat(refusal("{\"timeZone\":\"Mars/Olympus\"}").details().detail()).contains("timeZone");
        assertThat(refusal("{\"retryAfter\":\"yes\"}").details().detail()).contains("retryAfter", "true or false");
        assertThat(refusal("{\"timeoutMs\":1.5}").details().code()).isEqualTo("2030");
    }

    @Test
    void shouldRenderWhatItReads() {
        FaultSettings custom = apply("{\"retryAfter\":true,\"lostReply\":\"CLOSE\",\"timeZone\":\"Europe/Berlin\",\"seed\":9,"
                + "\"accessTokenTtlSeconds\":60}").settings();

        var rendered = FaultSettingsJson.render(custom);
        rendered.remove("outageUntil");

        assertThat(FaultSettingsJson.apply(FaultSettings.qboDefaults(), rendered, NOW).settings()).isEqualTo(custom);
    }
}
