package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** BigDecimal money rules: amounts in cents HALF_UP, never double arithmetic. */
final class Money {

    static final BigDecimal ZERO = BigDecimal.ZERO.setScale(2);

    private Money() {
    }

    static BigDecimal cents(BigDecimal value) {
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** A unit price keeps its precision, with at least two decimals. */
    static BigDecimal rate(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    /** A quantity without trailing zeros (3, 1.5). */
    static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
