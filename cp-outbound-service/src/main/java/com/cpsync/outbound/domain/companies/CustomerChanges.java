package com.cpsync.outbound.domain.companies;

import java.util.Objects;

import com.cpsync.outbound.domain.centerpoint.Company;

/**
 * Which customer fields a sparse update of a linked company carries. A name change renames the
 * DisplayName too (a name clash then fails with QBO's 6240 as a FAILED outcome). A removed billing
 * address is not a change: a sparse update cannot clear it.
 */
public record CustomerChanges(boolean name, boolean email, boolean phone, boolean billingAddress) {

    /** Differences between the previous Centerpoint state (null when unknown: everything) and the current one. */
    public static CustomerChanges between(Company previous, Company current) {
        boolean known = previous != null;
        return new CustomerChanges(
                !known || !Objects.equals(previous.name(), current.name()),
                !known || !Objects.equals(previous.email(), current.email()),
                !known || !Objects.equals(previous.phone(), current.phone()),
                current.billingAddress() != null
                        && (!known || !Objects.equals(previous.billingAddress(), current.billingAddress())));
    }

    public boolean isEmpty() {
        return !name && !email && !phone && !billingAddress;
    }
}
