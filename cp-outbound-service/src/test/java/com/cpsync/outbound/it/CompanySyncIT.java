package com.cpsync.outbound.it;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.outbound.adapter.in.kafka.OwnCommandsMemory;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.Company;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.UpsertCompany;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Companies → QBO customers (issue 2): each companiesToQbo value, match before create, name clashes, echoes. */
class CompanySyncIT extends OutboundItBase {

    @Autowired
    private OwnCommandsMemory ownCommands;

    @Test
    void shouldCreateExactlyOneCustomerWithNameAddressAndEmailWhenCreated() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);

        SyncOutcome outcome = companyCreated(t, "Acme Renovations");

        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        List<JsonNode> customers = apps().entities(t.realm(), "Customer");
        assertThat(customers).hasSize(1);
        JsonNode customer = customers.get(0);
        assertThat(customer.path("DisplayName").asString()).isEqualTo("Acme Renovations");
        assertThat(customer.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("ap@c1.example");
        assertThat(customer.path("BillAddr").path("City").asString()).isEqualTo("Austin");
        assertThat(apps().link(t.id(), "COMPANY", "c1").path("qboId").asString())
                .isEqualTo(customer.path("Id").asString());
    }

    @Test
    void shouldCreateNoCustomerAndRecordTheSkipWhenNever() {
        Tenant t = tenant(CompaniesToQbo.NEVER);

        SyncOutcome outcome = companyCreated(t, "Never Ltd");

        // no QBO call was made: the outcome's realm (checked by companyCreated) comes from the tenant's connection
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
        assertThat(apps().entities(t.realm(), "Customer")).isEmpty();
    }

    @Test
    void shouldBringTheCompanyOnItsFirstProjectExactlyOnceWhenFirstProjectOrTicketSent() {
        Tenant t = tenant(CompaniesToQbo.WHEN_FIRST_PROJECT_OR_TICKET_SENT);

        SyncOutcome skipped = companyCreated(t, "Later Co");
        assertThat(skipped.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
        assertThat(skipped.getReason()).isEqualTo("waits for first project or ticket");
        assertThat(apps().entities(t.realm(), "Customer")).isEmpty();

        String first = publish(t, new ProjectCreated(new Project("p1", "c1", "Kitchen", null)));
        String second = publish(t, new ProjectCreated(new Project("p2", "c1", "Bathroom", null)));

        assertThat(awaitOutcome(t, first, "c1").getResult()).isEqualTo(SyncResult.SYNCED);
        awaitOutcome(t, second, "p2");
        assertThat(customerNames(t)).containsExactly("Later Co");
    }

    @Test
    void shouldLinkAnExistingCustomerDifferingOnlyInCaseAndSpaces() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        String existingId = apps().createInQbo(t.realm(), "Customer", "{\"DisplayName\":\"  acme   BUILDERS \"}")
                .path("Id").asString();

        SyncOutcome outcome = companyCreated(t, "Acme Builders");

        assertThat(outcome.getAction().name()).isEqualTo("LINK");
        assertThat(outcome.getQboId()).isEqualTo(existingId);
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(1);
    }

    @Test
    void shouldCreateASuffixedCustomerWhenAVendorHasTheNameUnderSuffix() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setNameConflictPolicy(NameConflictPolicy.SUFFIX));
        apps().createInQbo(t.realm(), "Vendor", "{\"DisplayName\":\"Bob's Plumbing\"}");

        assertThat(companyCreated(t, "Bob's Plumbing").getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(customerNames(t)).containsExactly("Bob's Plumbing (customer)");
    }

    @Test
    void shouldRecordAConflictNamingTheVendorAndCreateNothingUnderHold() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setNameConflictPolicy(NameConflictPolicy.HOLD));
        String vendorId = apps().createInQbo(t.realm(), "Vendor", "{\"DisplayName\":\"Held Supplies\"}")
                .path("Id").asString();

        SyncOutcome outcome = companyCreated(t, "Held Supplies");

        assertThat(outcome.getResult()).isEqualTo(SyncResult.CONFLICT);
        assertThat(outcome.getReason()).contains("Vendor").contains(vendorId).contains("Held Supplies");
        assertThat(apps().entities(t.realm(), "Customer")).isEmpty();
    }

    @Test
    void shouldSuppressTheEchoOfACustomerCreatedInQboLinkItsCompanyAndLaterUpdateThatCustomer() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        // a customer created in QBO: qbo-inbound-service asks Centerpoint for a new company
        String customerId = apps().createInQbo(t.realm(), "Customer", "{\"DisplayName\":\"From Qbo Ltd\"}")
                .path("Id").asString();
        String commandId = UUID.randomUUID().toString();
        sendCommand(t, CenterpointCommand.newBuilder().setCommandId(commandId).setTenantId(t.id())
                .setRealmId(t.realm()).setOccurredAt(Instant.now())
                .setPayload(new UpsertCompany(null, customerId, "From Qbo Ltd", null, null, null)).build());
        // Centerpoint assigns the company id c1; the echo is the only place that id meets the customer
        CenterpointEvent echo = CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTenantId(t.id()).setOccurredAt(Instant.now()).setCausationId(commandId)
                .setPayload(new CompanyCreated(new Company("c1", "From Qbo Ltd", null, null, null))).build();

        // Centerpoint applies a command after it was published; its echo comes later still
        await().atMost(WAIT).until(() -> ownCommands.isOwnCommand(t.id(), commandId));

        send(t, echo);

        SyncOutcome outcome = awaitOutcome(t, echo.getEventId(), "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.ECHO_SUPPRESSED);
        assertThat(outcome.getReason()).contains(commandId, "link c1 -> QBO customer " + customerId + " recorded");
        assertThat(outcome.getQboId()).isEqualTo(customerId);
        assertThat(apps().link(t.id(), "COMPANY", "c1").path("qboId").asString()).isEqualTo(customerId);

        // a later Centerpoint edit of that company updates the QBO customer instead of matching or creating
        SyncOutcome update = awaitOutcome(t, publish(t, new CompanyUpdated(company("c1", "From Qbo Ltd"))), "c1");

        assertThat(update.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(update.getAction().name()).isEqualTo("UPDATE");
        assertThat(update.getQboId()).isEqualTo(customerId);
        assertThat(apps().entities(t.realm(), "Customer")).singleElement().satisfies(customer -> {
            assertThat(customer.path("Id").asString()).isEqualTo(customerId);
            assertThat(customer.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("ap@c1.example");
            assertThat(customer.path("SyncToken").asString()).isEqualTo("1");
        });
    }

    /** Centerpoint creates company c1 under this name; its first outcome. */
    /** Company c1's creation, published; its outcome, which names the tenant's realm whatever its result. */
    private SyncOutcome companyCreated(Tenant t, String name) {
        SyncOutcome outcome = awaitOutcome(t, publish(t, new CompanyCreated(company("c1", name))), "c1");
        assertThat(outcome.getRealmId()).isEqualTo(t.realm());
        return outcome;
    }
}
