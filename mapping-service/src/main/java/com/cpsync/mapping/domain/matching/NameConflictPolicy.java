package com.cpsync.mapping.domain.matching;

/** What to do when a vendor or employee already holds a company's name (DESIGN.md §4). */
public enum NameConflictPolicy {
    SUFFIX, HOLD
}
