package com.cpsync.syncsupport.mapping;

/** A QBO name-list record whose name equals (normalised) the company's name or its suffixed name. */
public record Candidate(NameList list, String id, String displayName, boolean active, boolean job) {
}
