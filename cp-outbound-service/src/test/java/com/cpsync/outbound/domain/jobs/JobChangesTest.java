package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.aProject;
import static com.cpsync.outbound.domain.jobs.JobFixtures.anAddress;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Project;
import tools.jackson.databind.node.ObjectNode;

class JobChangesTest {

    @Test
    void shouldFindNoChangeBetweenEqualStates() {
        JobFields fields = JobFields.of(aProject());

        assertThat(JobChanges.between(fields, JobFields.of(aProject())).isEmpty()).isTrue();
    }

    @Test
    void shouldIgnoreDifferencesQboCannotSee() {
        JobFields before = JobFields.of(new Project("p-1", "c-1", "Kitchen  remodel", anAddress()));
        Address padded = new Address(" 1 Main St ", "Suite 2", "Austin", "TX", "78701", "USA");
        JobFields after = JobFields.of(new Project("p-1", "c-1", "Kitchen remodel", padded));

        assertThat(JobChanges.between(before, after)).isEqualTo(JobChanges.none());
    }

    @Test
    void shouldNotTreatARemovedAddressAsAChange() {
        JobFields before = JobFields.of(aProject());
        JobFields after = JobFields.of(new Project("p-1", "c-1", "Kitchen remodel", null));

        assertThat(JobChanges.between(before, after).isEmpty()).isTrue();
    }

    @Test
    void shouldSeeAnAddedAddress() {
        JobFields before = JobFields.of(new Project("p-1", "c-1", "Kitchen remodel", null));

        assertThat(JobChanges.between(before, JobFields.of(aProject()))).isEqualTo(new JobChanges(false, true));
    }

    @Test
    void shouldCompareAgainstTheCustomerAsReadFromQbo() {
        JobFields current = JobFields.of(aProject());
        ObjectNode qbo = JobPayloads.create(current, "58");
        qbo.put("Id", "77");

        assertThat(JobChanges.against(qbo, current).isEmpty()).isTrue();

        qbo.put("DisplayName", "Old name");
        ((ObjectNode) qbo.get("ShipAddr")).put("City", "Houston");
        assertThat(JobChanges.against(qbo, current)).isEqualTo(new JobChanges(true, true));
    }
}
