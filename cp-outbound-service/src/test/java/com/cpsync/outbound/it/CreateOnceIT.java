package com.cpsync.outbound.it;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectsToQbo;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoicesToQbo;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static com.cpsync.outbound.it.ItFixtures.invoice;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every create happens once although QBO's requestid replay is off (issue 8, facts §11.2-3): the first
 * create is applied but its answer is lost (or comes after the client gave up), the tenant is parked,
 * and the retried event finds what the first attempt made instead of creating a second one.
 */
class CreateOnceIT extends OutboundItBase {

    @Test
    void shouldLinkTheCustomerWhoseCreateLostItsReply() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);

        String created = SandboxFaults.lostReplyOnce(t.realm(),
                () -> publish(t, new CompanyCreated(company("c1", "Lost Reply Plumbing"))));

        SyncOutcome outcome = awaitOutcome(t, created, "c1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getAction()).isEqualTo(SyncAction.LINK);
        assertThat(apps().entities(t.realm(), "Customer")).singleElement()
                .satisfies(c -> assertThat(c.path("Id").asString()).isEqualTo(outcome.getQboId()));
    }

    @Test
    void shouldLinkTheJobWhoseCreateLostItsReplyInsteadOfSuffixingIt() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED)
                .setNameConflictPolicy(NameConflictPolicy.SUFFIX));
        assertThat(awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Job Owner Ltd"))), "c1")
                .getResult()).isEqualTo(SyncResult.SYNCED);

        String created = SandboxFaults.lostReplyOnce(t.realm(),
                () -> publish(t, new ProjectCreated(new Project("p1", "c1", "Kitchen remodel", null))));

        SyncOutcome outcome = awaitOutcome(t, created, "p1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getAction()).isEqualTo(SyncAction.LINK);
        List<JsonNode> jobs = jobs(t);
        assertThat(jobs).singleElement().satisfies(job -> {
            assertThat(job.path("DisplayName").asString()).isEqualTo("Kitchen remodel");
            assertThat(job.path("Id").asString()).isEqualTo(outcome.getQboId());
        });
        assertThat(apps().link(t.id(), "PROJECT", "p1").path("qboId").asString()).isEqualTo(outcome.getQboId());
    }

    /** REJECT: the retry would fail on its own DocNumber (6140); ALLOW: it would create a second invoice. */
    @ParameterizedTest(name = "duplicateDocNumbers {0}")
    @ValueSource(strings = {"REJECT", "ALLOW"})
    void shouldLinkTheInvoiceWhoseCreateLostItsReply(String duplicateDocNumbers) {
        Tenant t = invoicingTenant();
        apps().setFaults(t.realm(), "{\"duplicateDocNumbers\":\"" + duplicateDocNumbers + "\"}");

        String created = SandboxFaults.lostReplyOnce(t.realm(),
                () -> publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", "INV-LOST-1"))));

        assertOneInvoiceLinked(t, awaitOutcome(t, created, "i1"));
    }

    @Test
    void shouldLinkTheInvoiceWhoseCreateTimedOut() {
        Tenant t = invoicingTenant();

        // the reply comes after the client's 10 s request timeout (app.qbo.request-timeout in OutboundItBase)
        String created = SandboxFaults.lateReplyOnce(t.realm(), 15_000,
                () -> publish(t, new ServiceInvoiceCreated(invoice("i1", "c1", "t9", "INV-LATE-1"))));

        assertOneInvoiceLinked(t, awaitOutcome(t, created, "i1"));
    }

    /** A tenant whose company c1 is in QBO and whose invoices sync when created. */
    private Tenant invoicingTenant() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED,
                s -> s.setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));
        assertThat(awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Invoiced Once Ltd"))), "c1")
                .getResult()).isEqualTo(SyncResult.SYNCED);
        return t;
    }

    private static void assertOneInvoiceLinked(Tenant t, SyncOutcome outcome) {
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getAction()).isEqualTo(SyncAction.LINK);
        assertThat(outcome.getReason()).contains("linked, not created again");
        assertThat(apps().entities(t.realm(), "Invoice")).singleElement()
                .satisfies(i -> assertThat(i.path("Id").asString()).isEqualTo(outcome.getQboId()));
    }

    private static List<JsonNode> jobs(Tenant t) {
        return apps().entities(t.realm(), "Customer").stream().filter(c -> c.path("Job").asBoolean(false)).toList();
    }
}
