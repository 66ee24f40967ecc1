package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.projectSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;

class ProjectSyncPolicyTest {

    @ParameterizedTest(name = "{0} + {1}, synced={2}, sendChanges={3} -> {4}")
    @CsvSource({
            // never synced: the create setting decides, whatever the changes flag
            "NO,            PROJECT_CREATED,  false, false, SKIP",
            "NO,            PROJECT_CREATED,  false, true,  SKIP",
            "NO,            PROJECT_UPDATED,  false, false, SKIP",
            "NO,            PROJECT_UPDATED,  false, true,  SKIP",
            "NO,            PROJECT_INVOICED, false, false, SKIP",
            "NO,            PROJECT_INVOICED, false, true,  SKIP",
            "WHEN_CREATED,  PROJECT_CREATED,  false, false, CREATE",
            "WHEN_CREATED,  PROJECT_CREATED,  false, true,  CREATE",
            "WHEN_CREATED,  PROJECT_UPDATED,  false, false, CREATE",
            "WHEN_CREATED,  PROJECT_UPDATED,  false, true,  CREATE",
            "WHEN_CREATED,  PROJECT_INVOICED, false, false, CREATE",
            "WHEN_CREATED,  PROJECT_INVOICED, false, true,  CREATE",
            "WHEN_INVOICED, PROJECT_CREATED,  false, false, SKIP",
            "WHEN_INVOICED, PROJECT_CREATED,  false, true,  SKIP",
            "WHEN_INVOICED, PROJECT_UPDATED,  false, false, SKIP",
            "WHEN_INVOICED, PROJECT_UPDATED,  false, true,  SKIP",
            "WHEN_INVOICED, PROJECT_INVOICED, false, false, CREATE",
            "WHEN_INVOICED, PROJECT_INVOICED, false, true,  CREATE",
            // already synced: updates follow the changes flag, the rest is a no-op
            "NO,            PROJECT_CREATED,  true,  false, ALREADY_SYNCED",
            "NO,            PROJECT_CREATED,  true,  true,  ALREADY_SYNCED",
            "NO,            PROJECT_UPDATED,  true,  false, SKIP",
            "NO,            PROJECT_UPDATED,  true,  true,  UPDATE",
            "NO,            PROJECT_INVOICED, true,  false, ALREADY_SYNCED",
            "NO,            PROJECT_INVOICED, true,  true,  ALREADY_SYNCED",
            "WHEN_CREATED,  PROJECT_CREATED,  true,  false, ALREADY_SYNCED",
            "WHEN_CREATED,  PROJECT_CREATED,  true,  true,  ALREADY_SYNCED",
            "WHEN_CREATED,  PROJECT_UPDATED,  true,  false, SKIP",
            "WHEN_CREATED,  PROJECT_UPDATED,  true,  true,  UPDATE",
            "WHEN_CREATED,  PROJECT_INVOICED, true,  false, ALREADY_SYNCED",
            "WHEN_CREATED,  PROJECT_INVOICED, true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICED, PROJECT_CREATED,  true,  false, ALREADY_SYNCED",
            "WHEN_INVOICED, PROJECT_CREATED,  true,  true,  ALREADY_SYNCED",
            "WHEN_INVOICED, PROJECT_UPDATED,  true,  false, SKIP",
            "WHEN_INVOICED, PROJECT_UPDATED,  true,  true,  UPDATE",
            "WHEN_INVOICED, PROJECT_INVOICED, true,  false, ALREADY_SYNCED",
            "WHEN_INVOICED, PROJECT_INVOICED, true,  true,  ALREADY_SYNCED",
    })
    void shouldDecideEveryCombinationOfSettingTriggerAndSyncState(ProjectCreation creation, ProjectTrigger trigger,
            boolean synced, boolean sendChanges, String expected) {
        JobDecision decision = ProjectSyncPolicy.decide(projectSettings(creation, sendChanges), trigger, synced);

        assertThat(DecisionKinds.of(decision)).isEqualTo(expected);
    }

    @Test
    void shouldCreateUnderTheCompanyCustomer() {
        JobDecision decision = ProjectSyncPolicy.decide(projectSettings(ProjectCreation.WHEN_CREATED, false),
                ProjectTrigger.PROJECT_CREATED, false);

        assertThat(decision.requiredParents()).containsExactly(RequiredParent.COMPANY_CUSTOMER);
    }

    @Test
    void shouldNeedNoParentsWhenNothingIsCreated() {
        List<JobDecision> decisions = List.of(
                ProjectSyncPolicy.decide(projectSettings(ProjectCreation.NO, false), ProjectTrigger.PROJECT_CREATED, false),
                ProjectSyncPolicy.decide(projectSettings(ProjectCreation.NO, true), ProjectTrigger.PROJECT_UPDATED, true),
                ProjectSyncPolicy.decide(projectSettings(ProjectCreation.NO, true), ProjectTrigger.PROJECT_CREATED, true));

        assertThat(decisions).allSatisfy(d -> assertThat(d.requiredParents()).isEmpty());
    }

    @Test
    void shouldExplainWhySkipped() {
        assertThat(ProjectSyncPolicy.decide(projectSettings(ProjectCreation.NO, false),
                ProjectTrigger.PROJECT_CREATED, false))
                .isEqualTo(new JobDecision.Skip("projects are not sent to QBO (projectsToQbo is NO)"));
        assertThat(ProjectSyncPolicy.decide(projectSettings(ProjectCreation.WHEN_INVOICED, false),
                ProjectTrigger.PROJECT_CREATED, false))
                .isEqualTo(new JobDecision.Skip("project is not invoiced yet (projectsToQbo is WHEN_INVOICED)"));
        assertThat(ProjectSyncPolicy.decide(projectSettings(ProjectCreation.WHEN_CREATED, false),
                ProjectTrigger.PROJECT_UPDATED, true))
                .isEqualTo(new JobDecision.Skip("project changes are not sent (sendProjectChanges is off)"));
    }

    @ParameterizedTest
    @EnumSource(ProjectChanged.Kind.class)
    void shouldTriggerOnTheEventOfTheSameName(ProjectChanged.Kind kind) {
        assertThat(ProjectTrigger.of(kind).name()).isEqualTo("PROJECT_" + kind.name());
    }
}
