package com.cpsync.console.domain.conflict;

import java.util.Locale;
import java.util.Set;

/**
 * What a person asked for a held record, checked once at the edge: LINK needs the QBO id of the customer (or
 * job) to link; CREATE_WITH_SUFFIX and DISMISS take none. LINK and CREATE_WITH_SUFFIX are match decisions, so
 * they apply to what is matched by name (companies, projects, service tickets); anything can be dismissed.
 */
public record ResolutionRequest(Action action, String qboId) {

    public enum Action { LINK, CREATE_WITH_SUFFIX, DISMISS }

    private static final Set<String> MATCHED_BY_NAME = Set.of("COMPANY", "PROJECT", "SERVICE_TICKET");

    /** @throws InvalidResolutionException with a message a person can act on */
    public static ResolutionRequest parse(String action, String qboId) {
        if (action == null || action.isBlank()) {
            throw new InvalidResolutionException("'action' is required: LINK, CREATE_WITH_SUFFIX or DISMISS");
        }
        Action parsed;
        try {
            parsed = Action.valueOf(action.trim().toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException ex) {
            throw new InvalidResolutionException("'action' cannot be '" + action
                    + "': LINK, CREATE_WITH_SUFFIX or DISMISS");
        }
        String id = qboId == null || qboId.isBlank() ? null : qboId.trim();
        if (parsed == Action.LINK && id == null) {
            throw new InvalidResolutionException("LINK needs 'qboId': the existing QBO customer to link to");
        }
        if (parsed != Action.LINK && id != null) {
            throw new InvalidResolutionException(parsed + " takes no 'qboId'");
        }
        return new ResolutionRequest(parsed, id);
    }

    /** @throws InvalidResolutionException when the action cannot apply to this entity type */
    public void requireApplicableTo(String entityType) {
        if (action != Action.DISMISS && !MATCHED_BY_NAME.contains(entityType)) {
            throw new InvalidResolutionException(action + " applies to companies, projects and service tickets, not"
                    + " to " + entityType + ": resolve its job, or dismiss it");
        }
    }
}
