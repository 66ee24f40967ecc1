package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.projectSettings;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.cpsync.outbound.domain.SyncPolicyTable;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;

class ProjectSyncPolicyTest {

    @TestFactory
    Stream<DynamicTest> shouldDecideEveryCombinationOfSettingTriggerAndSyncState() {
        return SyncPolicyTable.of(ProjectCreation.NO, ProjectTrigger.PROJECT_UPDATED)
                .creatingOn(ProjectCreation.WHEN_CREATED, ProjectTrigger.values())
                .creatingOn(ProjectCreation.WHEN_INVOICED, ProjectTrigger.PROJECT_INVOICED)
                .check((creation, trigger, synced, sendChanges) -> DecisionKinds.of(
                        ProjectSyncPolicy.decide(projectSettings(creation, sendChanges), trigger, synced)));
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
