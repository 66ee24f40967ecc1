package com.cpsync.deploy.chaos.audit;

/**
 * One played workload step as it concerns one record: whether the settings take it, and the copy the
 * record must have after it ({@code null}: none). A step the settings do not take keeps the state.
 *
 * @param eventId the Centerpoint event id; {@code null} for a change made in QBO
 */
public record ExpectedStep(int stepIndex, String eventId, boolean taken, View stateAfter) {
}
