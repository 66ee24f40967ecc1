package com.cpsync.deploy.chaos.audit;

import com.cpsync.deploy.chaos.workload.Step;

/**
 * A workload step as it was played. A step that could not be played (its QBO prerequisite never
 * appeared, or the stand-in never accepted it) changes nothing and is left out of the expectations.
 *
 * @param qboId for a change made in QBO, the id of the QBO entity it made or changed
 * @param note why it was not played, or {@code null}
 */
public record PlayedStep(Step step, boolean played, String qboId, String note) {

    public static PlayedStep played(Step step, String qboId) {
        return new PlayedStep(step, true, qboId, null);
    }

    public static PlayedStep notPlayed(Step step, String why) {
        return new PlayedStep(step, false, null, why);
    }
}
