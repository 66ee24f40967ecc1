package com.cpsync.inbound.adapter.out.http;

import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.qbo.client.RealmBusyException;

import static org.assertj.core.api.Assertions.assertThat;

/** How long a failed read asks its realm to wait, and which waits the reading thread takes itself. */
class QboReadWaitsTest {

    private static QboFaultException fault(int status, String code, Duration retryAfter) {
        return new QboFaultException(status, code, "fault", null, null, retryAfter, null);
    }

    @Test
    void shouldAskAThrottledRealmToWaitQbosSixtySecondsWhenNoRetryAfterCame() {
        assertThat(QboWaits.askedFor(fault(429, "3001", null))).contains(Duration.ofSeconds(60));
        assertThat(QboWaits.askedFor(fault(403, "3001", null))).as("QBO's XML throttle on a 403")
                .contains(Duration.ofSeconds(60));
        assertThat(QboWaits.askedFor(fault(429, "3001", Duration.ofSeconds(5)))).contains(Duration.ofSeconds(5));
    }

    @Test
    void shouldFindTheWaitInsideAWrappingFailureAndNoneWhereNoneWasAsked() {
        assertThat(QboWaits.askedFor(new IllegalStateException("read failed", fault(429, null, null))))
                .contains(Duration.ofSeconds(60));
        assertThat(QboWaits.askedFor(new RealmBusyException("r1", Duration.ofMillis(800), "request rate limit")))
                .contains(Duration.ofMillis(800));
        assertThat(QboWaits.askedFor(fault(503, null, null))).isEmpty();
        assertThat(QboWaits.askedFor(new IllegalStateException("mapping-service down"))).isEmpty();
    }

    @Test
    void shouldNeverWaitOnAThrottleInTheReadingThread() {
        assertThat(QboClientReads.inlinePause(fault(429, "3001", null), 1)).isEmpty();
        assertThat(QboClientReads.inlinePause(fault(429, "3001", Duration.ofSeconds(1)), 1)).isEmpty();
    }

    @Test
    void shouldPauseBrieflyOnA5xxButLeaveALongerAskedWaitToTheRealmsParking() {
        assertThat(QboClientReads.inlinePause(fault(503, null, null), 1)).contains(Duration.ofMillis(250));
        assertThat(QboClientReads.inlinePause(fault(503, null, null), 3)).contains(Duration.ofMillis(750));
        assertThat(QboClientReads.inlinePause(fault(503, null, null), 4)).as("attempts used up").isEmpty();
        assertThat(QboClientReads.inlinePause(fault(503, null, Duration.ofSeconds(1)), 1)).contains(Duration.ofSeconds(1));
        assertThat(QboClientReads.inlinePause(fault(503, null, Duration.ofSeconds(30)), 1)).isEmpty();
        assertThat(QboClientReads.inlinePause(fault(400, "2020", null), 1)).as("not transient").isEmpty();
    }

    @Test
    void shouldWaitForTheClientsOwnLimiterOnlyWhileItsWaitIsShort() {
        assertThat(QboClientReads.inlinePause(new RealmBusyException("r1", Duration.ofMillis(100), "concurrent"), 1))
                .contains(Duration.ofMillis(100));
        assertThat(QboClientReads.inlinePause(new RealmBusyException("r1", Duration.ofSeconds(40), "per minute"), 1))
                .isEqualTo(Optional.empty());
    }
}
