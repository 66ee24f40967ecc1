package com.cpsync.deploy.k8s;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class QuantitiesTest {

    @Test
    void shouldReadBinaryAndDecimalMemorySuffixes() {
        assertThat(Quantities.bytes("1Gi")).isEqualTo(1L << 30);
        assertThat(Quantities.bytes("768Mi")).isEqualTo(768L << 20);
        assertThat(Quantities.bytes("512M")).isEqualTo(512_000_000L);
        assertThat(Quantities.bytes("1048576")).isEqualTo(1L << 20);
    }

    @Test
    void shouldReadMillicoresAndWholeCores() {
        assertThat(Quantities.cores("500m")).isEqualTo(0.5);
        assertThat(Quantities.cores("2")).isEqualTo(2.0);
    }
}
