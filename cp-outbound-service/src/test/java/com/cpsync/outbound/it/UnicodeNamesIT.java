package com.cpsync.outbound.it;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
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
 * Names as users type them (issue 8): typographic quotes QBO's query lexer refuses, %, _, backslash,
 * apostrophe, accents, emoji, long names. Each is matched in QBO and created once; no query of ours
 * meets QBO's lexical error (4000).
 */
class UnicodeNamesIT extends OutboundItBase {

    private static final List<String> NAMES = List.of(
            "Bob\u2019s Plumbing",
            "\u201CBest\u201D \u2018Roofs\u2019",
            "100% Pure_Water",
            "O'Brien \\ Sons",
            "Caf\u00e9 Zo\u00eb \uD83C\uDFE0",
            "Long" + "n".repeat(96),
            "Longest" + "x".repeat(493));

    @Test
    void shouldLinkACustomerABookkeeperMadeWhateverItsName() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        for (int i = 0; i < NAMES.size(); i++) {
            String existing = apps().createInQbo(t.realm(), "Customer", displayName(NAMES.get(i))).path("Id").asString();

            SyncOutcome outcome = awaitOutcome(t, publish(t, new CompanyCreated(company("c" + i, NAMES.get(i)))),
                    "c" + i);

            assertThat(outcome.getResult()).as(NAMES.get(i)).isEqualTo(SyncResult.SYNCED);
            assertThat(outcome.getAction()).as(NAMES.get(i)).isEqualTo(SyncAction.LINK);
            assertThat(outcome.getQboId()).as(NAMES.get(i)).isEqualTo(existing);
        }
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(NAMES.size());
        assertRefusals(t, 0);
    }

    @Test
    void shouldCreateEachOnceAndLinkItWhenItsEventComesAgain() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setProjectsToQbo(ProjectsToQbo.WHEN_CREATED)
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED));
        // each first create is applied and its answer lost, and requestid is not replayed: only a lookup finds it
        for (int i = 0; i < NAMES.size(); i++) {
            String id = "c" + i;
            SyncOutcome outcome = awaitOutcome(t, lostOnce(t, new CompanyCreated(company(id, NAMES.get(i)))), id);

            assertThat(outcome.getResult()).as(NAMES.get(i)).isEqualTo(SyncResult.SYNCED);
            assertThat(outcome.getAction()).as(NAMES.get(i)).isEqualTo(SyncAction.LINK);
        }
        SyncOutcome job = awaitOutcome(t, lostOnce(t,
                new ProjectCreated(new Project("p1", "c0", "Bob\u2019s \u201Cnew\u201D deck", null))), "p1");
        SyncOutcome invoice = awaitOutcome(t, lostOnce(t,
                new ServiceInvoiceCreated(invoice("i1", "c0", "t9", "INV\u2019 7"))), "i1");

        assertThat(List.of(job.getAction(), invoice.getAction())).containsOnly(SyncAction.LINK);
        List<JsonNode> customers = apps().entities(t.realm(), "Customer");
        assertThat(customers).hasSize(NAMES.size() + 1).extracting(c -> c.path("DisplayName").asString())
                .containsAll(NAMES).contains("Bob\u2019s \u201Cnew\u201D deck");
        assertThat(apps().entities(t.realm(), "Invoice")).singleElement()
                .satisfies(i -> assertThat(i.path("DocNumber").asString()).isEqualTo("INV\u2019 7"));
        // the one 400 is the 6240 that told the job's retry its name was taken: by itself
        assertRefusals(t, 1);
    }

    /** Publishes the event; the answer to its first write is lost. */
    private String lostOnce(Tenant t, Object payload) {
        return SandboxFaults.lostReplyOnce(t.realm(), () -> publish(t, payload));
    }

    private static String displayName(String name) {
        return "{\"DisplayName\":\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"}";
    }

    /** A query QBO's lexer refused would be a 400 (4000) too. */
    private static void assertRefusals(Tenant t, int expected) {
        assertThat(apps().stats(t.realm()).path("byStatus").path("400").asInt(0)).isEqualTo(expected);
    }
}
