package com.cpsync.standin.domain;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.Company;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.UpsertCompany;

import static com.cpsync.standin.StandInFixtures.NOW;
import static com.cpsync.standin.StandInFixtures.aCommand;
import static com.cpsync.standin.StandInFixtures.aNewCompanyFromQbo;
import static com.cpsync.standin.StandInFixtures.aPayment;
import static com.cpsync.standin.StandInFixtures.aPaymentDeletion;
import static com.cpsync.standin.StandInFixtures.aProjectInvoice;
import static com.cpsync.standin.StandInFixtures.aProjectInvoiceDeletion;
import static org.assertj.core.api.Assertions.assertThat;

class TenantDataTest {

    private final TenantData tenant = new CenterpointData().tenant("tenant-1");

    @Test
    void shouldCreateANewCompanyAndEmitCompanyCreatedCausedByTheCommand() {
        Optional<CenterpointEvent> event = tenant.apply(aCommand("cmd-1", "tenant-1", aNewCompanyFromQbo("58", "Acme")), NOW);

        assertThat(tenant.companies()).singleElement().satisfies(stored -> {
            assertThat(stored.company().getName()).isEqualTo("Acme");
            assertThat(stored.company().getId()).isNotBlank();
            assertThat(stored.qboCustomerId()).isEqualTo("58");
        });
        assertThat(event).get().satisfies(created -> {
            assertThat(created.getCausationId()).isEqualTo("cmd-1");
            assertThat(created.getTenantId()).isEqualTo("tenant-1");
            assertThat(created.getPayload()).isInstanceOf(CompanyCreated.class);
            assertThat(((CompanyCreated) created.getPayload()).getCompany().getId())
                    .isEqualTo(tenant.companies().get(0).company().getId());
        });
    }

    @Test
    void shouldApplyARedeliveredCommandOnlyOnceButGiveTheSameCausedEventAgain() {
        Optional<CenterpointEvent> first = tenant.apply(aCommand("cmd-1", "tenant-1", aNewCompanyFromQbo("58", "Acme")), NOW);

        Optional<CenterpointEvent> again = tenant.apply(aCommand("cmd-1", "tenant-1", aNewCompanyFromQbo("58", "Acme")), NOW);

        assertThat(again).isEqualTo(first);
        assertThat(tenant.companies()).hasSize(1);
        assertThat(tenant.commands()).hasSize(1);
    }

    @Test
    void shouldUpdateTheCompanyAlreadyLinkedToTheSameQboCustomer() {
        tenant.apply(aCommand("cmd-1", "tenant-1", aNewCompanyFromQbo("58", "Acme")), NOW);

        Optional<CenterpointEvent> event = tenant.apply(aCommand("cmd-2", "tenant-1", aNewCompanyFromQbo("58", "Acme Ltd")), NOW);

        assertThat(tenant.companies()).singleElement()
                .satisfies(stored -> assertThat(stored.company().getName()).isEqualTo("Acme Ltd"));
        assertThat(event).get().extracting(CenterpointEvent::getPayload).isInstanceOf(CompanyUpdated.class);
    }

    @Test
    void shouldUpdateAKnownCompanyById() {
        tenant.record(CenterpointEvent.newBuilder().setEventId("e-1").setTenantId("tenant-1").setOccurredAt(NOW)
                .setPayload(new CompanyCreated(Company.newBuilder().setId("c-1").setName("Acme").build())).build());
        UpsertCompany update = UpsertCompany.newBuilder().setCompanyId("c-1").setQboCustomerId("58").setName("Acme Inc").build();

        Optional<CenterpointEvent> event = tenant.apply(aCommand("cmd-3", "tenant-1", update), NOW);

        assertThat(tenant.companies()).singleElement().satisfies(stored -> {
            assertThat(stored.company().getId()).isEqualTo("c-1");
            assertThat(stored.company().getName()).isEqualTo("Acme Inc");
        });
        assertThat(event).get().satisfies(updated -> assertThat(updated.getCausationId()).isEqualTo("cmd-3"));
    }

    @Test
    void shouldKeepAndDeleteProjectInvoices() {
        tenant.apply(aCommand("cmd-1", "tenant-1", aProjectInvoice("p-1", "130", "100.00")), NOW);
        tenant.apply(aCommand("cmd-2", "tenant-1", aProjectInvoice("p-1", "130", "120.00")), NOW);
        tenant.apply(aCommand("cmd-3", "tenant-1", aProjectInvoice("p-1", "131", "5.00")), NOW);

        assertThat(tenant.projectInvoices("p-1")).extracting(i -> i.getQboInvoiceId() + "=" + i.getTotal())
                .containsExactly("130=120.00", "131=5.00");

        Optional<CenterpointEvent> event = tenant.apply(aCommand("cmd-4", "tenant-1", aProjectInvoiceDeletion("p-1", "130")), NOW);

        assertThat(event).isEmpty();
        assertThat(tenant.projectInvoices("p-1")).extracting(i -> i.getQboInvoiceId()).containsExactly("131");
        assertThat(tenant.projectInvoices("p-2")).isEmpty();
    }

    @Test
    void shouldKeepAndDeletePayments() {
        tenant.apply(aCommand("cmd-1", "tenant-1", aPayment("77", "130", "50.00")), NOW);
        assertThat(tenant.payments()).singleElement().satisfies(p -> assertThat(p.getTotalAmount()).isEqualTo("50.00"));

        tenant.apply(aCommand("cmd-2", "tenant-1", aPaymentDeletion("77")), NOW);

        assertThat(tenant.payments()).isEmpty();
        assertThat(tenant.commands()).hasSize(2);
    }
}
