package com.cpsync.deploy;

import org.junit.jupiter.api.Test;

import com.cpsync.deploy.HealthProbe.Answer;

import static org.assertj.core.api.Assertions.assertThat;

class HealthProbeTest {

    @Test
    void shouldReadTheStatusOfAHealthUrl() {
        assertThat(HealthProbe.classify(200)).isEqualTo(Answer.UP);
        assertThat(HealthProbe.classify(503)).isEqualTo(Answer.NOT_YET);
        assertThat(HealthProbe.classify(500)).isEqualTo(Answer.NOT_YET);
        assertThat(HealthProbe.classify(404)).isEqualTo(Answer.ABSENT);
    }

    @Test
    void shouldWaitForReadinessWhereTheServiceHasIt() {
        assertThat(HealthProbe.isReady(Answer.UP, Answer.ABSENT)).isTrue();
        assertThat(HealthProbe.isReady(Answer.NOT_YET, Answer.UP)).isFalse();
    }

    @Test
    void shouldFallBackToPlainHealthAndThenToAnyHttpAnswer() {
        assertThat(HealthProbe.isReady(Answer.ABSENT, Answer.UP)).isTrue();
        assertThat(HealthProbe.isReady(Answer.ABSENT, Answer.NOT_YET)).isFalse();
        assertThat(HealthProbe.isReady(Answer.ABSENT, Answer.ABSENT)).isTrue();
    }
}
