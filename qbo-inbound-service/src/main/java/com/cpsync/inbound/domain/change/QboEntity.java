package com.cpsync.inbound.domain.change;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The QBO entity types a change can be about, read once at the edge (webhook, CDC, Kafka record) from
 * QBO's name. Only Customer, Invoice and Payment are synced; the others are counted and ignored.
 */
public enum QboEntity {
    ACCOUNT("Account"), BILL("Bill"), BILL_PAYMENT("BillPayment"), BUDGET("Budget"), CLASS("Class"),
    CREDIT_MEMO("CreditMemo"), CURRENCY("Currency"), CUSTOMER("Customer"), DEPARTMENT("Department"),
    DEPOSIT("Deposit"), EMPLOYEE("Employee"), ESTIMATE("Estimate"), INVOICE("Invoice"), ITEM("Item"),
    JOURNAL_CODE("JournalCode"), JOURNAL_ENTRY("JournalEntry"), PAYMENT("Payment"), PAYMENT_METHOD("PaymentMethod"),
    PREFERENCES("Preferences"), PURCHASE("Purchase"), PURCHASE_ORDER("PurchaseOrder"),
    REFUND_RECEIPT("RefundReceipt"), SALES_RECEIPT("SalesReceipt"), TAX_AGENCY("TaxAgency"), TERM("Term"),
    TIME_ACTIVITY("TimeActivity"), TRANSFER("Transfer"), VENDOR("Vendor"), VENDOR_CREDIT("VendorCredit");

    private static final Map<String, QboEntity> BY_LOWER_CASE_NAME = Stream.of(values())
            .collect(Collectors.toUnmodifiableMap(entity -> entity.qboName.toLowerCase(Locale.ROOT), Function.identity()));

    private final String qboName;

    QboEntity(String qboName) {
        this.qboName = qboName;
    }

    /** The name QBO's API, webhooks and CDC use, e.g. {@code "Customer"}; also the name on the wire. */
    public String qboName() {
        return qboName;
    }

    /**
     * Reads a QBO entity name whatever its case ({@code Customer}, CloudEvents' {@code customer}); empty for a
     * name QBO does not have.
     */
    public static Optional<QboEntity> ofQboName(String name) {
        return name == null ? Optional.empty()
                : Optional.ofNullable(BY_LOWER_CASE_NAME.get(name.trim().toLowerCase(Locale.ROOT)));
    }
}
