package com.cpsync.outbound.domain.companies;

import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.qbo.QboAddress;
import com.cpsync.qbo.client.names.DisplayNames;

/**
 * What a company's QBO customer carries: a DisplayName QBO accepts, the company name, email, phone and
 * billing address (null parts absent).
 */
public record CustomerFields(String displayName, String companyName, String email, String phone,
        QboAddress billingAddress) {

    /** The company under {@code displayName}: its own name, or the suffixed one mapping-service chose. */
    public static CustomerFields of(Company company, String displayName) {
        return new CustomerFields(DisplayNames.displayName(displayName), company.name().trim(), company.email(),
                company.phone(), company.billingAddress() == null ? null : QboAddress.of(company.billingAddress()));
    }

    /** The company under its own name. */
    public static CustomerFields of(Company company) {
        return of(company, company.name());
    }
}
