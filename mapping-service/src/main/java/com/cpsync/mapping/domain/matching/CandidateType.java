package com.cpsync.mapping.domain.matching;

/** The three QBO name lists that share one name space (error 6240). */
public enum CandidateType {
    Customer, Vendor, Employee
}
