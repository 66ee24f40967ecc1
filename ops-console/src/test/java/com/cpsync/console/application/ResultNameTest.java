package com.cpsync.console.application;

import java.time.Instant;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

class ResultNameTest {

    static Stream<Arguments> results() {
        Instant at = Instant.parse("2026-05-02T09:00:00Z");
        return Stream.of(
                Arguments.of(new ReplayResult.Replayed("centerpoint.events.v1"), "REPLAYED"),
                Arguments.of(new ReplayResult.AlreadyReplayed(at, "ops"), "ALREADY_REPLAYED"),
                Arguments.of(new ReplayResult.NotReplayable("no origin"), "NOT_REPLAYABLE"),
                Arguments.of(new ReplayResult.NotFound(7), "NOT_FOUND"),
                Arguments.of(new ReplayResult.SendFailed("broker down"), "SEND_FAILED"),
                Arguments.of(new ResolutionResult.Sent("r-1", "LINK"), "SENT"),
                Arguments.of(new ResolutionResult.AlreadyResolved("r-1", "LINK", "ops", at), "ALREADY_RESOLVED"),
                Arguments.of(new ResolutionResult.NotFound("acme", 7), "NOT_FOUND"),
                Arguments.of(new ResolutionResult.SendFailed("broker down"), "SEND_FAILED"));
    }

    @ParameterizedTest
    @MethodSource("results")
    void shouldNameEachResultByItsKindInCapitals(Object result, String name) {
        String named = result instanceof ReplayResult replay ? replay.name() : ((ResolutionResult) result).name();

        assertThat(named).isEqualTo(name);
    }
}
