package com.cpsync.sandbox.domain;

import java.time.Duration;
import java.time.Instant;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Injected faults and limits of one realm (set with {@code PUT /admin/realms/{realmId}/faults}). */
public record FaultSettings(long latencyMs, double errorRate, int errorStatus, Instant outageUntil,
                            int requestsPerMinute, int requestsPerSecond, int batchesPerMinute,
                            Long accessTokenTtlSeconds, boolean throttleBodyXml) {

    public static FaultSettings defaults(int requestsPerMinute, int requestsPerSecond, int batchesPerMinute) {
        return new FaultSettings(0, 0.0, 503, null, requestsPerMinute, requestsPerSecond, batchesPerMinute, null, false);
    }

    /** Applies the given fields only; {@code outageSeconds} opens an outage window starting now. */
    public FaultSettings with(JsonNode body, Instant now) {
        Instant outage = outageUntil;
        if (body.has("outageSeconds")) {
            long seconds = body.get("outageSeconds").asLong();
            outage = seconds <= 0 ? null : now.plus(Duration.ofSeconds(seconds));
        }
        return new FaultSettings(
                body.path("latencyMs").asLong(latencyMs),
                body.path("errorRate").asDouble(errorRate),
                body.path("errorStatus").asInt(errorStatus),
                outage,
                body.path("requestsPerMinute").asInt(requestsPerMinute),
                body.path("requestsPerSecond").asInt(requestsPerSecond),
                body.path("batchesPerMinute").asInt(batchesPerMinute),
                body.has("accessTokenTtlSeconds") && !body.get("accessTokenTtlSeconds").isNull()
                        ? Long.valueOf(body.get("accessTokenTtlSeconds").asLong()) : accessTokenTtlSeconds,
                body.path("throttleBodyXml").asBoolean(throttleBodyXml));
    }

    public boolean inOutage(Instant now) {
        return outageUntil != null && now.isBefore(outageUntil);
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("latencyMs", latencyMs);
        json.put("errorRate", errorRate);
        json.put("errorStatus", errorStatus);
        json.put("outageUntil", outageUntil == null ? null : outageUntil.toString());
        json.put("requestsPerMinute", requestsPerMinute);
        json.put("requestsPerSecond", requestsPerSecond);
        json.put("batchesPerMinute", batchesPerMinute);
        json.put("accessTokenTtlSeconds", accessTokenTtlSeconds);
        json.put("throttleBodyXml", throttleBodyXml);
        return json;
    }
}
