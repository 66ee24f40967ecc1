package com.cpsync.inbound.config;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The JSON reader for QBO payloads: decimals stay exact (money is never a double). */
public final class QboJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    private QboJson() {
    }

    public static JsonMapper mapper() {
        return MAPPER;
    }
}
