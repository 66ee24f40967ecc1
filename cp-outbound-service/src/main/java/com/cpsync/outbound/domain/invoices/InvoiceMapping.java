package com.cpsync.outbound.domain.invoices;

import java.math.BigDecimal;

import tools.jackson.databind.node.ObjectNode;

/** A QBO Invoice body, or why there is none. */
public sealed interface InvoiceMapping {

    /** The body to POST; {@code docNumber} may be null (QBO assigns one); {@code total} is the sum of its lines. */
    record Mapped(ObjectNode body, String docNumber, BigDecimal total) implements InvoiceMapping {
    }

    /** The invoice cannot go to QBO as it is: a FAILED outcome with this reason, not a retry. */
    record Rejected(String reason) implements InvoiceMapping {
    }

    /** A sparse update would change nothing: no call needed (only from {@code sparseUpdate}). */
    record Unchanged() implements InvoiceMapping {
    }
}
