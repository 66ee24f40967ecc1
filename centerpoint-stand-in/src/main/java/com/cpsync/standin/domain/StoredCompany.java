package com.cpsync.standin.domain;

import com.cpsync.schemas.avro.Company;

/** A Centerpoint company and, when it came from (or was applied by) a QBO command, its QBO customer id. */
public record StoredCompany(Company company, String qboCustomerId) {
}
