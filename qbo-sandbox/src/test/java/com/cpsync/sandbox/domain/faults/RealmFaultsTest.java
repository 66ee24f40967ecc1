package com.cpsync.sandbox.domain.faults;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RealmFaultsTest {

    private static final Instant T0 = Instant.parse("2026-11-20T10:00:00Z");

    private static RealmFaults realm(UnaryOperator<FaultSettings.Builder> settings) {
        return new RealmFaults(settings.apply(FaultSettings.qboDefaults().toBuilder()).build());
    }

    private static ReplyFault reply(Admission admission) {
        assertThat(admission).isInstanceOf(Admission.Admitted.class);
        return ((Admission.Admitted) admission).reply();
    }

    private static Admission.Refused throttled(RealmFaults faults) {
        for (int i = 0; i < 10; i++) {
            assertThat(faults.admit(T0, CallKind.READ)).isInstanceOf(Admission.Admitted.class);
        }
        return (Admission.Refused) faults.admit(T0, CallKind.READ);
    }

    @Test
    void shouldThrottleWithoutRetryAfterByDefault() {
        Admission.Refused refused = throttled(realm(s -> s));

        assertThat(refused.reason()).isEqualTo(Admission.Reason.THROTTLED);
        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.retryAfterSeconds()).isNull();
    }

    @Test
    void shouldGiveRetryAfterInWholeSecondsWhenAsked() {
        assertThat(throttled(realm(s -> s.retryAfter(true))).retryAfterSeconds()).isEqualTo(1L);
    }

    @Test
    void shouldLoseOrDelayOnlyRepliesOfWrites() {
        RealmFaults lost = realm(s -> s.requestsPerSecond(1000).lostReplyRate(1.0).lostReply(FaultSettings.LostReply.CLOSE));
        RealmFaults late = realm(s -> s.requestsPerSecond(1000).timeoutRate(1.0).timeoutMs(1500));

        assertThat(reply(lost.admit(T0, CallKind.WRITE))).isEqualTo(ReplyFault.lost(FaultSettings.LostReply.CLOSE));
        assertThat(reply(lost.admit(T0, CallKind.BATCH)).kind()).isEqualTo(ReplyFault.Kind.LOST);
        assertThat(reply(lost.admit(T0, CallKind.READ))).isEqualTo(ReplyFault.NONE);
        assertThat(reply(late.admit(T0, CallKind.WRITE))).isEqualTo(ReplyFault.late(1500));
        assertThat(reply(late.admit(T0, CallKind.READ))).isEqualTo(ReplyFault.NONE);
    }

    @Test
    void shouldLetEveryReplyThroughAtRateZero() {
        RealmFaults faults = realm(s -> s.requestsPerSecond(1000));

        for (int i = 0; i < 100; i++) {
            assertThat(reply(faults.admit(T0, CallKind.WRITE))).isEqualTo(ReplyFault.NONE);
        }
    }

    @Test
    void shouldRefuseAnInjectedErrorBeforeTheRealmIsReached() {
        Admission refused = realm(s -> s.errorRate(1.0).errorStatus(500)).admit(T0, CallKind.WRITE);

        assertThat(refused).isEqualTo(new Admission.Refused(Admission.Reason.INJECTED_ERROR, 500, null, false));
    }

    @Test
    void shouldMeetTheSameFaultsAtTheSameCallsForTheSameSeed() {
        UnaryOperator<FaultSettings.Builder> chaos = s -> s.requestsPerSecond(1000).requestsPerMinute(100_000)
                .lostReplyRate(0.3).timeoutRate(0.3).timeoutMs(10).errorRate(0.2).seed(7L);

        List<String> first = fates(realm(chaos), 60);
        List<String> second = fates(realm(chaos), 60);
        List<String> otherSeed = fates(realm(s -> chaos.apply(s).seed(8L)), 60);

        assertThat(second).isEqualTo(first);
        assertThat(otherSeed).isNotEqualTo(first);
        assertThat(first).contains("LOST", "LATE", "NONE", "INJECTED_ERROR");
    }

    @Test
    void shouldStartTheDiceAgainWhenReseeded() {
        UnaryOperator<FaultSettings.Builder> chaos = s -> s.requestsPerSecond(1000).lostReplyRate(0.5).seed(3L);
        RealmFaults faults = realm(chaos);
        List<String> first = fates(faults, 20);

        faults.update(faults.settings(), false);
        List<String> continued = fates(faults, 20);
        faults.update(faults.settings(), true);
        List<String> again = fates(faults, 20);

        assertThat(again).isEqualTo(first);
        assertThat(continued).isNotEqualTo(first);
    }

    private static List<String> fates(RealmFaults faults, int calls) {
        List<String> fates = new ArrayList<>();
        for (int i = 0; i < calls; i++) {
            Admission a = faults.admit(T0.plusMillis(i), CallKind.WRITE);
            fates.add(a instanceof Admission.Refused r ? r.reason().name() : ((Admission.Admitted) a).reply().kind().name());
        }
        return fates;
    }
}
