package com.cpsync.outbound.domain.jobs;

import java.util.List;

import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;

/**
 * Decides whether a project event creates, updates or skips the project's QBO job. Events are fat,
 * so a change or invoiced event for a project never synced follows the create setting; updates of
 * a synced project follow "send project changes" only.
 */
public final class ProjectSyncPolicy {

    private static final List<RequiredParent> PARENTS = List.of(RequiredParent.COMPANY_CUSTOMER);

    private ProjectSyncPolicy() {
    }

    public static JobDecision decide(OutboundSettings settings, ProjectTrigger trigger, boolean projectSynced) {
        if (projectSynced) {
            return JobDecision.forSynced(trigger == ProjectTrigger.PROJECT_UPDATED, settings.sendProjectChanges(),
                    "project", "sendProjectChanges");
        }
        return decideCreate(settings.projectsToQbo(), trigger);
    }

    private static JobDecision decideCreate(ProjectCreation creation, ProjectTrigger trigger) {
        if (creation == ProjectCreation.NO) {
            return new JobDecision.Skip("projects are not sent to QBO (projectsToQbo is NO)");
        }
        if (creation == ProjectCreation.WHEN_INVOICED && trigger != ProjectTrigger.PROJECT_INVOICED) {
            return new JobDecision.Skip("project is not invoiced yet (projectsToQbo is WHEN_INVOICED)");
        }
        return new JobDecision.Create(PARENTS);
    }
}
