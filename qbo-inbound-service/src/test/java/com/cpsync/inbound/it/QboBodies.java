package com.cpsync.inbound.it;

/** Request bodies the ITs send: QBO entities as a user writes them, and webhook events as Intuit sends them. */
final class QboBodies {

    private QboBodies() {
    }

    /** An invoice of one sales line for the amount. */
    static String invoice(String customerId, String amount) {
        return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"Line\":[{\"DetailType\":\"SalesItemLineDetail\","
                + "\"Amount\":" + amount + ",\"Description\":\"work\",\"SalesItemLineDetail\":{\"ItemRef\":{\"value\":\"1\"},"
                + "\"Qty\":1,\"UnitPrice\":" + amount + "}}]}";
    }

    /** A payment of 100.00 on the service invoice and 280.00 on the project invoice. */
    static String paymentOnTwoInvoices(String customerId, String serviceInvoiceId, String projectInvoiceId) {
        return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"TotalAmt\":380.00,\"PaymentRefNum\":\"CHK-1\","
                + "\"Line\":[{\"Amount\":100.00,\"LinkedTxn\":[{\"TxnId\":\"" + serviceInvoiceId + "\",\"TxnType\":\"Invoice\"}]},"
                + "{\"Amount\":280.00,\"LinkedTxn\":[{\"TxnId\":\"" + projectInvoiceId + "\",\"TxnType\":\"Invoice\"}]}]}";
    }

    /** A payment of 100.00 on one invoice. */
    static String payment(String customerId, String invoiceId) {
        return "{\"CustomerRef\":{\"value\":\"" + customerId + "\"},\"TotalAmt\":100.00,\"PaymentRefNum\":\"CHK-1\","
                + "\"Line\":[{\"Amount\":100.00,\"LinkedTxn\":[{\"TxnId\":\"" + invoiceId + "\",\"TxnType\":\"Invoice\"}]}]}";
    }

    static String cloudEvent(String id, String realm, String entity, String op, String entityId) {
        return "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"test\",\"type\":\"qbo." + entity + "." + op
                + ".v1\",\"time\":\"2026-11-26T10:00:00Z\",\"intuitentityid\":\"" + entityId
                + "\",\"intuitaccountid\":\"" + realm + "\",\"data\":{}}";
    }

    static String legacyCustomerCreate(String realm, String id, String lastUpdated) {
        return "{\"eventNotifications\":[{\"realmId\":\"" + realm + "\",\"dataChangeEvent\":{\"entities\":[{\"name\":"
                + "\"Customer\",\"id\":\"" + id + "\",\"operation\":\"Create\",\"lastUpdated\":\"" + lastUpdated + "\"}]}}]}";
    }
}
