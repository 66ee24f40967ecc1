package com.cpsync.deploy.chaos.audit;

import java.util.List;

/**
 * One thing the auditor counts: a lost step (or several of one record), a duplicated record or a
 * mismatched pair, with what it saw and the steps involved. A record that failed visibly (a FAILED or
 * CONFLICT outcome says why it has no copy) is listed too, but not counted.
 */
public record Finding(Category category, AuditedEntity entity, String tenantId, String recordId, int count, String what,
        List<Integer> steps) {

    public enum Category { LOST, DUPLICATED, MISMATCHED, FAILED_VISIBLY }
}
