package com.cpsync.deploy.chaos.audit;

import java.util.List;

/**
 * One thing the auditor counts: a lost step (or several of one record), a duplicated record or a
 * mismatched pair, with what it saw and the steps involved.
 */
public record Finding(Category category, AuditedEntity entity, String tenantId, String recordId, int count, String what,
        List<Integer> steps) {

    public enum Category { LOST, DUPLICATED, MISMATCHED }
}
