package com.cpsync.standin.domain;

/** A Centerpoint company and, when it came from (or was applied by) a QBO command, its QBO customer id. */
public record StoredCompany(Company company, String qboCustomerId) {
}
