package com.cpsync.sandbox.it;

import java.net.http.HttpTimeoutException;
import java.time.Duration;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** QBO's limits and the gateway faults over HTTP: throttles with or without Retry-After, outages, errors, latency. */
class LimitsIT extends SandboxCalls {

    /** With QBO's 10 requests per second and the clock frozen: ten reads pass, the eleventh is throttled. */
    private Reply eleventhReadInOneSecond() {
        for (int i = 0; i < 10; i++) {
            assertThat(get("/item/1").status()).isEqualTo(200);
        }
        Reply throttled = get("/item/1");
        assertThat(throttled.status()).isEqualTo(429);
        return throttled;
    }

    @Test
    void shouldThrottleAfterTenPerSecondAndFiveHundredPerMinute() {
        admin(HttpMethod.DELETE, "/admin/realms/" + realmId + "/faults", null);
        clock.freeze();
        try {
            Reply throttled = eleventhReadInOneSecond();
            assertThat(throttled.code()).isEqualTo("3001");
            clock.advance(Duration.ofSeconds(1));
            assertThat(get("/item/1").status()).isEqualTo(200);

            admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"requestsPerSecond\":100000,\"throttleBodyXml\":true}");
            for (int i = 11; i < 500; i++) {
                assertThat(post("/customer", "{\"DisplayName\":\"Rate " + i + "\"}").status()).isEqualTo(200);
            }
            Reply overMinute = get("/item/1");
            assertThat(overMinute.status()).isEqualTo(429);
            assertThat(overMinute.raw()).contains("<Fault type=\"SERVICE\"><Error code=\"3001\">",
                    "message=ThrottleExceeded; errorCode=003001; statusCode=429");
            clock.advance(Duration.ofSeconds(61));
            assertThat(get("/item/1").status()).isEqualTo(200);

            JsonNode stats = admin(HttpMethod.GET, "/admin/realms/" + realmId + "/stats", null).body();
            assertThat(stats.get("writes").asInt()).isEqualTo(489);
            assertThat(stats.get("reads").asInt()).isEqualTo(14);
            assertThat(stats.get("byStatus").get("429").asInt()).isEqualTo(2);
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void shouldInjectOutagesAndErrorRates() {
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"outageSeconds\":60}");
        assertThat(get("/item/1").status()).isEqualTo(503);
        clock.advance(Duration.ofSeconds(61));
        assertThat(get("/item/1").status()).isEqualTo(200);

        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"errorRate\":1.0,\"errorStatus\":500}");
        assertThat(get("/item/1").status()).isEqualTo(500);
        admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"errorRate\":0.0}");
        assertThat(get("/item/1").status()).isEqualTo(200);
        admin(HttpMethod.DELETE, "/admin/realms/" + realmId + "/stats", null);
        assertThat(admin(HttpMethod.GET, "/admin/realms/" + realmId + "/stats", null).body().get("requests").asInt()).isZero();
    }

    @Test
    void shouldThrottleBatchesAtFortyPerMinute() {
        String oneQuery = "{\"BatchItemRequest\":[{\"bId\":\"q\",\"Query\":\"select * from Item\"}]}";
        clock.freeze();
        try {
            for (int i = 0; i < 40; i++) {
                assertThat(post("/batch", oneQuery).status()).isEqualTo(200);
            }
            faults("{\"retryAfter\":true}");
            Reply throttled = post("/batch", oneQuery);
            assertThat(throttled.status()).isEqualTo(429);
            assertThat(Integer.parseInt(throttled.headers().getFirst(HttpHeaders.RETRY_AFTER))).isBetween(1, 60);
            assertThat(get("/item/1").status()).isEqualTo(200);
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void shouldThrottleWithoutRetryAfterAsQboDocumentsUnlessTheRealmSaysOtherwise() {
        JsonNode defaults = admin(HttpMethod.DELETE, "/admin/realms/" + realmId + "/faults", null).body();
        assertThat(defaults.get("retryAfter").asBoolean()).isFalse();
        clock.freeze();
        try {
            Reply silent = eleventhReadInOneSecond();
            assertThat(silent.headers().containsHeader(HttpHeaders.RETRY_AFTER)).isFalse();

            faults("{\"retryAfter\":true}");
            Reply told = get("/item/1");
            assertThat(told.status()).isEqualTo(429);
            assertThat(told.headers().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        } finally {
            clock.unfreeze();
        }
    }

    @Test
    void shouldDelayResponsesByTheInjectedLatency() throws Exception {
        faults("{\"latencyMs\":5000}");

        assertThatThrownBy(() -> send("GET", "/item/1", null, Duration.ofMillis(500))).isInstanceOf(HttpTimeoutException.class);

        faults("{\"latencyMs\":0}");
        assertThat(send("GET", "/item/1", null, Duration.ofSeconds(5)).statusCode()).isEqualTo(200);
    }

    @Test
    void shouldRefuseAnUnknownKnobAndKeepTheSettings() {
        Reply refused = admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"retryAfter\":true,\"lostReplyRatio\":0.5}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.detail()).contains("lostReplyRatio", "lostReplyRate");
        assertThat(admin(HttpMethod.GET, "/admin/realms/" + realmId + "/faults", null).body().get("retryAfter").asBoolean()).isFalse();
    }
}
