package com.cpsync.standin.adapter.avro;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.standin.domain.Address;
import com.cpsync.standin.domain.CommandEffect;
import com.cpsync.standin.domain.Company;
import com.cpsync.standin.domain.CompanyChanged;
import com.cpsync.standin.domain.ReceivedCommand;

import static com.cpsync.standin.StandInFixtures.NOW;
import static com.cpsync.standin.StandInFixtures.aCommand;
import static com.cpsync.standin.StandInFixtures.aNewCompanyFromQbo;
import static com.cpsync.standin.StandInFixtures.aPayment;
import static com.cpsync.standin.StandInFixtures.aPaymentDeletion;
import static com.cpsync.standin.StandInFixtures.aProjectInvoice;
import static com.cpsync.standin.StandInFixtures.aProjectInvoiceDeletion;
import static org.assertj.core.api.Assertions.assertThat;

class CenterpointAvroMapperTest {

    @Test
    void shouldReadEachCommandIntoItsEffectAndKeepTheCommandAsCenterpointListsIt() {
        ReceivedCommand company = CenterpointAvroMapper.toDomain(aCommand("cmd-1", "t-1", aNewCompanyFromQbo("58", "Acme")));

        assertThat(company.commandId()).isEqualTo("cmd-1");
        assertThat(company.tenantId()).isEqualTo("t-1");
        assertThat(company.effect()).isEqualTo(new CommandEffect.UpsertCompany(null, "58", "Acme", null, null, null));
        assertThat(company.view()).containsEntry("type", "UpsertCompany").containsEntry("commandId", "cmd-1");
        assertThat(CenterpointAvroMapper.toDomain(aCommand("c", "t", aProjectInvoice("p-1", "130", "250.00"))).effect())
                .isInstanceOfSatisfying(CommandEffect.PutProjectInvoice.class, put -> {
                    assertThat(put.projectId()).isEqualTo("p-1");
                    assertThat(put.invoice()).containsEntry("total", "250.00").containsEntry("txnDate", "2026-03-01");
                });
        assertThat(CenterpointAvroMapper.toDomain(aCommand("c", "t", aProjectInvoiceDeletion("p-1", "130"))).effect())
                .isEqualTo(new CommandEffect.RemoveProjectInvoice("p-1", "130"));
        assertThat(CenterpointAvroMapper.toDomain(aCommand("c", "t", aPayment("77", "130", "20.00"))).effect())
                .isInstanceOfSatisfying(CommandEffect.PutPayment.class,
                        put -> assertThat(put.payment()).containsEntry("qboPaymentId", "77"));
        assertThat(CenterpointAvroMapper.toDomain(aCommand("c", "t", aPaymentDeletion("77"))).effect())
                .isEqualTo(new CommandEffect.RemovePayment("77"));
    }

    @Test
    void shouldWriteTheCausedEventAsCompanyCreatedOrUpdatedWithTheCommandAsCause() {
        Company company = new Company("c-1", "Acme", "ap@acme.example", "512-555-0100",
                new Address("1 Main St", null, "Austin", "TX", "78701", "US"));

        CenterpointEvent created = CenterpointAvroMapper.toAvro(new CompanyChanged("e-1", "t-1", NOW, "cmd-1", company, true));
        CenterpointEvent updated = CenterpointAvroMapper.toAvro(new CompanyChanged("e-2", "t-1", NOW, "cmd-2", company, false));

        assertThat(created.getCausationId()).isEqualTo("cmd-1");
        assertThat(created.getOccurredAt()).isEqualTo(NOW);
        assertThat(created.getPayload()).isInstanceOf(CompanyCreated.class);
        assertThat(updated.getPayload()).isInstanceOf(CompanyUpdated.class);
        assertThat(CenterpointAvroMapper.companyOf(created)).contains(company);
    }

    @Test
    void shouldFindNoCompanyInOtherEvents() {
        CenterpointEvent other = CenterpointEvent.newBuilder().setEventId("e").setTenantId("t")
                .setOccurredAt(Instant.EPOCH).setPayload(new com.cpsync.schemas.avro.ProjectCreated(
                        com.cpsync.schemas.avro.Project.newBuilder().setId("p").setCompanyId("c").setName("P").build()))
                .build();

        assertThat(CenterpointAvroMapper.companyOf(other)).isEmpty();
    }
}
