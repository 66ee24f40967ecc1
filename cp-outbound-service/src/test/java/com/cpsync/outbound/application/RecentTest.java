package com.cpsync.outbound.application;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RecentTest {

    @Test
    void shouldForgetTheOldestEntryFirstOnceItHoldsWhatItKeeps() {
        Set<String> completed = Recent.set(2);
        completed.add("e1");
        completed.add("e2");
        completed.contains("e1");
        completed.add("e3");

        assertThat(completed).containsExactly("e2", "e3");
    }

    @Test
    void shouldKeepAMapsLatestValueForAKeyWithoutGrowing() {
        Map<String, String> tokens = Recent.map(2);
        tokens.put("a", "1");
        tokens.put("a", "2");
        tokens.put("b", "1");

        assertThat(tokens).containsExactly(Map.entry("a", "2"), Map.entry("b", "1"));
    }
}
