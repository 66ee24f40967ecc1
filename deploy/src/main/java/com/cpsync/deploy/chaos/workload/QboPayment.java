package com.cpsync.deploy.chaos.workload;

import java.math.BigDecimal;

/** A payment a user records in QBO against one invoice; its PaymentRefNum is its token. */
public record QboPayment(String token, PaidInvoice invoice, BigDecimal amount) implements SourceRecord {

    @Override
    public String id() {
        return token;
    }
}
