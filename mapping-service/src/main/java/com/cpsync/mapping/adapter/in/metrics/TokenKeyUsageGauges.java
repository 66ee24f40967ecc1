package com.cpsync.mapping.adapter.in.metrics;

import com.cpsync.mapping.application.RotateTokenKeys;
import com.cpsync.mapping.domain.connection.TokenCipher;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

import org.springframework.stereotype.Component;

/**
 * {@code mapping_token_key_rows{key_id}}: stored connections per configured token key, read on each scrape. An old
 * key at 0 is no longer needed and can be removed from the configuration.
 */
@Component
record TokenKeyUsageGauges(RotateTokenKeys rotation, TokenCipher cipher) implements MeterBinder {

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String keyId : cipher.ring().keyIds()) {
            Gauge.builder("mapping.token.key.rows", rotation, r -> r.usage().rowsPerKeyId().getOrDefault(keyId, 0L))
                    .tag("key_id", keyId).description("stored QBO connections whose tokens are under this key")
                    .register(registry);
        }
    }
}
