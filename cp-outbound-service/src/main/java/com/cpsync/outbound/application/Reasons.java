package com.cpsync.outbound.application;

import java.util.ArrayList;
import java.util.List;

/** Outcome reasons built from parts: what happened, then every adjustment the translation made. */
final class Reasons {

    private Reasons() {
    }

    /** The parts joined with "; ", the null or blank ones left out; null when nothing is left. */
    static String of(String first, List<String> more) {
        List<String> parts = new ArrayList<>();
        if (first != null && !first.isBlank()) {
            parts.add(first);
        }
        parts.addAll(more);
        return parts.isEmpty() ? null : String.join("; ", parts);
    }
}
