package com.cpsync.outbound.domain.resolutions;

import java.util.Set;

/**
 * Decides what a resolution of a held record does. LINK and CREATE_WITH_SUFFIX are match decisions, so they
 * apply to what is matched by name: companies (customers), projects and service tickets (jobs). An invoice is
 * held by its job or by a same-numbered QBO invoice: resolve the job, or dismiss the invoice.
 */
public final class ResolutionPolicy {

    private static final Set<String> MATCHED_BY_NAME = Set.of("COMPANY", "PROJECT", "SERVICE_TICKET");

    private ResolutionPolicy() {
    }

    /** @param stateSeen whether the held entity's latest Centerpoint state is known (cp-outbound's entity state) */
    public static ResolutionPlan decide(Resolution resolution, boolean stateSeen) {
        String label = resolution.label();
        if (resolution.action() == Resolution.Action.DISMISS) {
            return new ResolutionPlan.Dismiss("dismissed by " + resolution.requestedBy() + " (" + label
                    + "): nothing written to QBO; a later event of this entity syncs it as usual");
        }
        if (!MATCHED_BY_NAME.contains(resolution.entityType())) {
            return new ResolutionPlan.Refuse(label + " refused: " + resolution.action() + " applies to companies, "
                    + "projects and service tickets, not to " + resolution.entityType()
                    + "; resolve its job or dismiss it; still held");
        }
        if (!stateSeen) {
            return new ResolutionPlan.AwaitState("no Centerpoint state of " + resolution.entityType() + " "
                    + resolution.centerpointId() + " is known here yet (" + label + ")");
        }
        if (resolution.action() == Resolution.Action.LINK) {
            if (resolution.qboId() == null || resolution.qboId().isBlank()) {
                return new ResolutionPlan.Refuse(label + " refused: LINK names no QBO id; still held");
            }
            return new ResolutionPlan.Rerun(new GivenDecision.LinkTo(resolution, resolution.qboId().trim()));
        }
        return new ResolutionPlan.Rerun(new GivenDecision.CreateWithSuffix(resolution));
    }
}
