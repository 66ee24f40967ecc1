package com.cpsync.sandbox.engine;

import java.math.BigDecimal;

import com.cpsync.sandbox.domain.QboFault;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InvoiceCalculatorTest {

    private static String line(String amount, String qty, String price) {
        return "{\"DetailType\":\"SalesItemLineDetail\",\"Amount\":" + amount
                + ",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"},\"Qty\":" + qty + ",\"UnitPrice\":" + price + "}}";
    }

    @Test
    void shouldSumLinesNumberThemAndAppendASubTotalLine() {
        var lines = Json.parseObject("{\"Line\":[" + line("380.00", "4", "95") + "," + line("10.5", "3", "3.5")
                + ",{\"DetailType\":\"SubTotalLineDetail\",\"Amount\":1}]}").get("Line");

        InvoiceCalculator.Totals totals = InvoiceCalculator.compute(lines);

        assertThat(totals.total()).isEqualByComparingTo("390.50");
        assertThat(totals.lines()).hasSize(3);
        assertThat(totals.lines().get(0).get("LineNum").asInt()).isEqualTo(1);
        assertThat(totals.lines().get(2).get("DetailType").asString()).isEqualTo("SubTotalLineDetail");
        assertThat(totals.lines().get(2).get("Amount").decimalValue()).isEqualByComparingTo("390.50");
    }

    @Test
    void shouldRejectAnAmountThatIsNotQtyTimesUnitPriceWith6070() {
        var lines = Json.parseObject("{\"Line\":[" + line("381.00", "4", "95") + "]}").get("Line");

        assertThatThrownBy(() -> InvoiceCalculator.compute(lines))
                .isInstanceOf(QboFault.class)
                .satisfies(e -> assertThat(((QboFault) e).details().code()).isEqualTo("6070"));
    }

    @Test
    void shouldAcceptAmountsEqualToTheCentAfterRounding() {
        var lines = Json.parseObject("{\"Line\":[" + line("3.33", "1", "3.333") + "]}").get("Line");

        assertThat(InvoiceCalculator.compute(lines).total()).isEqualByComparingTo(new BigDecimal("3.33"));
    }

    @Test
    void shouldRequireAtLeastOneLine() {
        assertThatThrownBy(() -> InvoiceCalculator.compute(Json.array()))
                .isInstanceOf(QboFault.class)
                .satisfies(e -> assertThat(((QboFault) e).details().code()).isEqualTo("2020"));
    }
}
