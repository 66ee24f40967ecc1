package com.cpsync.console.domain.reconciliation;

import java.util.Optional;

/** What a record's latest outcome alone says: held, failed, or nothing yet. */
final class OutcomeVerdict {

    private OutcomeVerdict() {
    }

    static Optional<Difference> of(Optional<LatestOutcome> latest, BooksEntity entity, String centerpointId,
            String qboId) {
        if (latest.isEmpty()) {
            return Optional.empty();
        }
        LatestOutcome outcome = latest.get();
        String reason = outcome.reason() == null ? outcome.result() : outcome.reason();
        switch (outcome.result()) {
            case "CONFLICT":
                return Optional.of(new Difference(entity, centerpointId, qboId, DifferenceKind.HELD_CONFLICT, reason));
            case "FAILED":
                return Optional.of(new Difference(entity, centerpointId, qboId, DifferenceKind.FAILED, reason));
            case "WAITING_FOR_CONNECTION":
                return Optional.of(new Difference(entity, centerpointId, qboId, DifferenceKind.FAILED,
                        "waiting for the tenant's QBO connection" + (outcome.reason() == null ? ""
                                : ": " + outcome.reason())));
            default:
                return Optional.empty();
        }
    }
}
