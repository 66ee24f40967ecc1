package com.cpsync.deploy.k8s;

import java.math.BigDecimal;
import java.util.Map;

/** Kubernetes resource quantities ({@code 1Gi}, {@code 512M}, {@code 500m}, {@code "2"}) as numbers. */
final class Quantities {

    private static final Map<String, Long> SUFFIXES = Map.of(
            "Ki", 1L << 10, "Mi", 1L << 20, "Gi", 1L << 30, "Ti", 1L << 40,
            "k", 1_000L, "M", 1_000_000L, "G", 1_000_000_000L, "T", 1_000_000_000_000L);

    private Quantities() {
    }

    static long bytes(String quantity) {
        for (Map.Entry<String, Long> suffix : SUFFIXES.entrySet()) {
            if (quantity.endsWith(suffix.getKey())) {
                String number = quantity.substring(0, quantity.length() - suffix.getKey().length());
                return new BigDecimal(number).multiply(BigDecimal.valueOf(suffix.getValue())).longValueExact();
            }
        }
        return new BigDecimal(quantity).longValueExact();
    }

    static double cores(String quantity) {
        return quantity.endsWith("m") ? Double.parseDouble(quantity.substring(0, quantity.length() - 1)) / 1000
                : Double.parseDouble(quantity);
    }
}
