package com.cpsync.inbound.domain.qbo;

import java.time.LocalDate;
import java.util.List;

/** The fields of a QBO Payment this sync reads. */
public record QboPayment(String id, String syncToken, LocalDate txnDate, String totalAmount, String paymentRefNum,
        List<AppliedAmount> appliedToInvoices, boolean voided) {

    /** The amount of one payment line applied to one invoice (QBO links per line). */
    public record AppliedAmount(String qboInvoiceId, String amount) {
    }
}
