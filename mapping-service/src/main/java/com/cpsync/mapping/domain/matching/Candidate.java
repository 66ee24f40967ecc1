package com.cpsync.mapping.domain.matching;

/** A QBO name-list record whose name may collide with the one we want, as the caller found it. */
public record Candidate(CandidateType type, String id, String displayName, boolean active, boolean job) {

    boolean isLinkableCustomer() {
        return type == CandidateType.Customer && !job;
    }

    String describe() {
        String kind = type == CandidateType.Customer ? "Customer (sub-customer)" : type.name();
        return "QBO " + kind + " " + id + " '" + displayName + "'";
    }
}
