package com.cpsync.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StartOrderTest {

    @Test
    void shouldStartThePartsNobodyNeedsFirstAndEachCallerAfterWhatItCalls() {
        StackConfig config = StackConfig.from(Map.of(), List.of(), Path.of("/repo"));

        List<List<String>> waves = StartOrder.waves(StackServices.startDependencies(config));

        assertThat(waves).containsExactly(
                List.of("qbo-sandbox", "kafka", "postgresql"),
                List.of("mapping-service", "ops-console"),
                List.of("cp-outbound-service", "qbo-inbound-service", "centerpoint-stand-in"));
    }

    @Test
    void shouldTakeADependencyOutsideTheChosenSubsetAsRunningElsewhere() {
        StackConfig config = StackConfig.from(Map.of("STACK_SERVICES", "centerpoint-stand-in"), List.of(), Path.of("/repo"));

        List<List<String>> waves = StartOrder.waves(StackServices.startDependencies(config));

        assertThat(waves).containsExactly(List.of("kafka", "postgresql"), List.of("centerpoint-stand-in"));
    }

    @Test
    void shouldKeepTheGivenOrderWithinAWave() {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        graph.put("c", List.of("a"));
        graph.put("b", List.of());
        graph.put("a", List.of());
        graph.put("d", List.of("c", "b"));

        assertThat(StartOrder.waves(graph)).containsExactly(List.of("b", "a"), List.of("c"), List.of("d"));
    }

    @Test
    void shouldRefuseACycleNamingItsParts() {
        Map<String, List<String>> graph = new LinkedHashMap<>();
        graph.put("kafka", List.of());
        graph.put("x", List.of("y"));
        graph.put("y", List.of("x"));

        assertThatThrownBy(() -> StartOrder.waves(graph))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the start dependencies form a cycle among [x, y]");
    }
}
