package com.cpsync.standin.domain;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.standin.domain.CommandEffect.PutPayment;
import com.cpsync.standin.domain.CommandEffect.PutProjectInvoice;
import com.cpsync.standin.domain.CommandEffect.RemovePayment;
import com.cpsync.standin.domain.CommandEffect.RemoveProjectInvoice;
import com.cpsync.standin.domain.CommandEffect.UpsertCompany;

import static org.assertj.core.api.Assertions.assertThat;

class TenantDataTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    private final TenantData tenant = new CenterpointData().tenant("tenant-1");

    private static ReceivedCommand command(String commandId, CommandEffect effect) {
        return new ReceivedCommand(commandId, "tenant-1", effect, Map.of("commandId", commandId));
    }

    private static UpsertCompany newCompanyFromQbo(String qboCustomerId, String name) {
        return new UpsertCompany(null, qboCustomerId, name, null, null, null);
    }

    private static PutProjectInvoice projectInvoice(String projectId, String qboInvoiceId, String total) {
        return new PutProjectInvoice(projectId, qboInvoiceId, Map.of("qboInvoiceId", qboInvoiceId, "total", total));
    }

    @Test
    void shouldCreateANewCompanyAndEmitCompanyCreatedCausedByTheCommand() {
        Optional<CompanyChanged> event = tenant.apply(command("cmd-1", newCompanyFromQbo("58", "Acme")), NOW);

        assertThat(tenant.companies()).singleElement().satisfies(stored -> {
            assertThat(stored.company().name()).isEqualTo("Acme");
            assertThat(stored.company().id()).isNotBlank();
            assertThat(stored.qboCustomerId()).isEqualTo("58");
        });
        assertThat(event).get().satisfies(created -> {
            assertThat(created.causationId()).isEqualTo("cmd-1");
            assertThat(created.tenantId()).isEqualTo("tenant-1");
            assertThat(created.occurredAt()).isEqualTo(NOW);
            assertThat(created.created()).isTrue();
            assertThat(created.company().id()).isEqualTo(tenant.companies().get(0).company().id());
        });
    }

    @Test
    void shouldApplyARedeliveredCommandOnlyOnceButGiveTheSameCausedEventAgain() {
        Optional<CompanyChanged> first = tenant.apply(command("cmd-1", newCompanyFromQbo("58", "Acme")), NOW);

        Optional<CompanyChanged> again = tenant.apply(command("cmd-1", newCompanyFromQbo("58", "Acme")), NOW.plusSeconds(5));

        assertThat(again).isEqualTo(first);
        assertThat(tenant.companies()).hasSize(1);
        assertThat(tenant.commands()).hasSize(1);
    }

    @Test
    void shouldDeriveTheSameIdsFromTheSameCommandInAnotherRun() {
        Optional<CompanyChanged> here = tenant.apply(command("cmd-1", newCompanyFromQbo("58", "Acme")), NOW);

        Optional<CompanyChanged> elsewhere = new CenterpointData().tenant("tenant-1")
                .apply(command("cmd-1", newCompanyFromQbo("58", "Acme")), NOW);

        assertThat(elsewhere).isEqualTo(here);
    }

    @Test
    void shouldUpdateTheCompanyAlreadyLinkedToTheSameQboCustomer() {
        tenant.apply(command("cmd-1", newCompanyFromQbo("58", "Acme")), NOW);

        Optional<CompanyChanged> event = tenant.apply(command("cmd-2", newCompanyFromQbo("58", "Acme Ltd")), NOW);

        assertThat(tenant.companies()).singleElement()
                .satisfies(stored -> assertThat(stored.company().name()).isEqualTo("Acme Ltd"));
        assertThat(event).get().extracting(CompanyChanged::created).isEqualTo(false);
    }

    @Test
    void shouldUpdateAKnownCompanyById() {
        tenant.record(new Company("c-1", "Acme", null, null, null));
        Address address = new Address("1 Main St", null, "Austin", "TX", "78701", "US");

        Optional<CompanyChanged> event = tenant.apply(command("cmd-3",
                new UpsertCompany("c-1", "58", "Acme Inc", "ap@acme.example", null, address)), NOW);

        assertThat(tenant.companies()).singleElement().satisfies(stored -> {
            assertThat(stored.company()).isEqualTo(new Company("c-1", "Acme Inc", "ap@acme.example", null, address));
            assertThat(stored.qboCustomerId()).isEqualTo("58");
        });
        assertThat(event).get().satisfies(updated -> {
            assertThat(updated.causationId()).isEqualTo("cmd-3");
            assertThat(updated.created()).isFalse();
        });
    }

    @Test
    void shouldKeepTheQboLinkWhenCenterpointItselfChangesTheCompany() {
        tenant.apply(command("cmd-1", new UpsertCompany("c-1", "58", "Acme", null, null, null)), NOW);

        tenant.record(new Company("c-1", "Acme Renamed", null, null, null));

        assertThat(tenant.companies()).singleElement().satisfies(stored -> {
            assertThat(stored.company().name()).isEqualTo("Acme Renamed");
            assertThat(stored.qboCustomerId()).isEqualTo("58");
        });
    }

    @Test
    void shouldKeepAndDeleteProjectInvoices() {
        tenant.apply(command("cmd-1", projectInvoice("p-1", "130", "100.00")), NOW);
        tenant.apply(command("cmd-2", projectInvoice("p-1", "130", "120.00")), NOW);
        tenant.apply(command("cmd-3", projectInvoice("p-1", "131", "5.00")), NOW);

        assertThat(tenant.projectInvoices("p-1")).extracting(i -> i.get("qboInvoiceId") + "=" + i.get("total"))
                .containsExactly("130=120.00", "131=5.00");

        Optional<CompanyChanged> event = tenant.apply(command("cmd-4", new RemoveProjectInvoice("p-1", "130")), NOW);

        assertThat(event).isEmpty();
        assertThat(tenant.projectInvoices("p-1")).extracting(i -> i.get("qboInvoiceId")).containsExactly("131");
        assertThat(tenant.projectInvoices("p-2")).isEmpty();
    }

    @Test
    void shouldKeepAndDeletePayments() {
        tenant.apply(command("cmd-1", new PutPayment("77", Map.of("totalAmount", "50.00"))), NOW);
        assertThat(tenant.payments()).singleElement().satisfies(p -> assertThat(p).containsEntry("totalAmount", "50.00"));

        tenant.apply(command("cmd-2", new RemovePayment("77")), NOW);

        assertThat(tenant.payments()).isEmpty();
        assertThat(tenant.commands()).extracting(ReceivedCommand::commandId).containsExactly("cmd-1", "cmd-2");
    }

    @Test
    void shouldKeepOutcomesPerTenant() {
        tenant.recordOutcome(Map.of("result", "SYNCED"));

        assertThat(tenant.outcomes()).containsExactly(Map.of("result", "SYNCED"));
        assertThat(new CenterpointData().tenant("tenant-2").outcomes()).isEmpty();
    }
}
