package com.cpsync.deploy.chaos.audit;

/**
 * One line of the auditor's table.
 *
 * @param records     source records of this kind the run made
 * @param expected    of those, how many must have a copy in the end
 * @param ok          in the state the settings say (a copy as expected, or none where none is due)
 * @param failed      not in that state, but a FAILED or CONFLICT outcome says why (visible, not lost)
 * @param lost        steps with neither effect nor a FAILED/CONFLICT outcome
 * @param duplicated  records with two copies or more, or a copy where none is due
 * @param mismatched  records whose single copy differs (names, amounts, lines, links)
 * @param noOutcome   Centerpoint events the settings take that got no outcome at all (shown, not counted)
 */
public record EntityRow(AuditedEntity entity, int records, int expected, int ok, int failed, int lost, int duplicated,
        int mismatched, int noOutcome) {
}
