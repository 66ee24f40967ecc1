package com.cpsync.deploy.chaos.workload;

import java.math.BigDecimal;
import java.util.List;

/** An invoice a user makes in QBO for a synced project's sub-customer; its DocNumber is its token. */
public record QboInvoice(String token, String projectId, List<InvoiceLine> lines) implements SourceRecord {

    @Override
    public String id() {
        return token;
    }

    public BigDecimal total() {
        return lines.stream().map(InvoiceLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
