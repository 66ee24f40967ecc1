package com.cpsync.deploy.chaos.audit;

import java.util.List;

/**
 * A source record and, step by step, what its copy must be.
 *
 * @param qboId for a record made in QBO, its QBO id; {@code null} for a Centerpoint record
 */
public record ExpectedRecord(String tenantId, AuditedEntity entity, String recordId, String token, String qboId,
        List<ExpectedStep> steps) {

    public boolean everTaken() {
        return steps.stream().anyMatch(ExpectedStep::taken);
    }

    /** The copy it must have once everything settled; {@code null}: none. */
    public View finalState() {
        return steps.isEmpty() ? null : steps.get(steps.size() - 1).stateAfter();
    }
}
