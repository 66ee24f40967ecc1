package com.cpsync.outbound.domain.jobs;

import static com.cpsync.outbound.domain.jobs.JobFixtures.aProject;
import static com.cpsync.outbound.domain.jobs.JobFixtures.aTicket;
import static com.cpsync.outbound.domain.jobs.JobFixtures.anAddress;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.qbo.QboAddress;

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
    void shouldCompareAgainstTheJobAsReadFromQbo() {
        JobFields current = JobFields.of(aProject());
        QboAddress address = QboAddress.of(anAddress());

        assertThat(JobChanges.against(new JobInQbo("Kitchen remodel", address, address), current).isEmpty()).isTrue();

        QboAddress houston = new QboAddress("1 Main St", "Suite 2", "Houston", "TX", "78701", "USA");
        assertThat(JobChanges.against(new JobInQbo("Old name", address, houston), current))
                .isEqualTo(new JobChanges(true, true));
    }

    @Test
    void shouldSendNothingWhenNothingChanged() {
        JobFields same = JobFields.of(aTicket());

        assertThat(JobChanges.between(same, same).sentWith(same).isEmpty()).isTrue();
    }

    @Test
    void shouldNotSendAnAddressTheJobDoesNotHave() {
        JobFields noAddress = JobFields.of(new Project("p-1", "c-1", "Kitchen remodel", null));

        assertThat(JobChanges.all().sentWith(noAddress)).isEqualTo(new JobChanges(true, false));
        assertThat(JobChanges.all().sentWith(JobFields.of(aProject()))).isEqualTo(JobChanges.all());
    }
}
