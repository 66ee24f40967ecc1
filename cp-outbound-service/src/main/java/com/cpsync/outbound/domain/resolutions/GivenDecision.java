package com.cpsync.outbound.domain.resolutions;

/** The match decision a person gave for a held record, used instead of asking mapping-service or the policy. */
public sealed interface GivenDecision {

    /** Who gave it, for the outcome's reason. */
    Resolution resolution();

    /** Link the held entity to this existing QBO customer (or job); a link clash keeps it a CONFLICT. */
    record LinkTo(Resolution resolution, String qboId) implements GivenDecision {
    }

    /** Create the held entity under its name plus the tenant's suffix, whatever the name-conflict policy. */
    record CreateWithSuffix(Resolution resolution) implements GivenDecision {
    }
}
