package com.cpsync.console.domain.reconciliation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** One month's invoices and payments (count and total) on each side; voided ones do not count. */
public record MonthFigures(String month, Side centerpoint, Side qbo) {

    /** Count and total of a side's invoices and payments in the month. */
    public record Side(int invoices, BigDecimal invoiceTotal, int payments, BigDecimal paymentTotal) {

        static final Side EMPTY = new Side(0, BigDecimal.ZERO, 0, BigDecimal.ZERO);

        Side plusInvoice(BigDecimal amount) {
            return new Side(invoices + 1, invoiceTotal.add(amount), payments, paymentTotal);
        }

        Side plusPayment(BigDecimal amount) {
            return new Side(invoices, invoiceTotal, payments + 1, paymentTotal.add(amount));
        }
    }

    /** Month by month, oldest first; a record without a date or a total is not counted. */
    public static List<MonthFigures> of(List<CenterpointRecord> centerpoint, List<QboRecord> qbo) {
        Map<YearMonth, Side[]> months = new TreeMap<>();
        for (CenterpointRecord record : centerpoint) {
            if (record.voided() || record.date() == null || record.total() == null) {
                continue;
            }
            Side[] sides = sidesOf(months, record.date());
            if (record.entity() == BooksEntity.SERVICE_INVOICE || record.entity() == BooksEntity.PROJECT_INVOICE) {
                sides[0] = sides[0].plusInvoice(record.total());
            }
            else if (record.entity() == BooksEntity.PAYMENT) {
                sides[0] = sides[0].plusPayment(record.total());
            }
        }
        for (QboRecord record : qbo) {
            if (record.voided() || record.date() == null || record.total() == null
                    || record.type() == QboRecord.QboType.Customer) {
                continue;
            }
            Side[] sides = sidesOf(months, record.date());
            sides[1] = record.type() == QboRecord.QboType.Invoice ? sides[1].plusInvoice(record.total())
                    : sides[1].plusPayment(record.total());
        }
        return months.entrySet().stream()
                .map(month -> new MonthFigures(month.getKey().toString(), month.getValue()[0], month.getValue()[1]))
                .toList();
    }

    private static Side[] sidesOf(Map<YearMonth, Side[]> months, LocalDate date) {
        return months.computeIfAbsent(YearMonth.from(date), m -> new Side[] {Side.EMPTY, Side.EMPTY});
    }
}
