package com.cpsync.inbound.it;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.inbound.application.Connection;
import com.cpsync.inbound.application.PollCdc;
import com.cpsync.inbound.domain.webhook.WebhookSignature;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.UpsertCompany;

import static com.cpsync.inbound.it.QboBodies.legacyCustomerCreate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** QBO customers become Centerpoint companies: once per state, never our own write, merges re-linked. */
class CustomerInboundIT extends InboundItBase {

    @Autowired
    PollCdc pollCdc;

    @Test
    void shouldTurnOneNewCustomerDeliveredByTwoWebhooksAndCdcIntoOneCommand() {
        Connection realm = connect("t-dup", "r-dup", settings("t-dup").setGetNewCompaniesFromQbo(true));
        JsonNode customer = stack.create("r-dup", "Customer", "{\"DisplayName\":\"Dup Builders\"}");
        String id = customer.path("Id").asString();

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-dup", "Customer", id)).hasSize(1));
        String again = legacyCustomerCreate("r-dup", id, customer.path("MetaData").path("LastUpdatedTime").asString());
        post(again, new WebhookSignature(TOKEN).signatureOf(bytes(again))).expectStatus().isOk();
        pollCdc.poll(realm);
        await().atMost(WAIT).untilAsserted(() -> assertThat(changes(c -> c.getRealmId().equals("r-dup")
                && c.getEntityId().equals(id))).extracting(c -> c.getSource().name()).contains("WEBHOOK", "CDC")
                .hasSizeGreaterThanOrEqualTo(3));
        // a later change of the same realm proves the earlier deliveries were processed
        String marker = stack.create("r-dup", "Customer", "{\"DisplayName\":\"Dup Marker\"}").path("Id").asString();
        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-dup", "Customer", marker)).hasSize(1));

        assertThat(commandsFor("t-dup", "Customer", id)).hasSize(1);
        assertThat(outcomes("t-dup", id)).extracting(SyncOutcome::getResult).containsExactly(SyncResult.SYNCED);
    }

    @Test
    void shouldNotReimportOurOwnCustomerButBringBackALaterUserEdit() {
        Connection realm = connect("t-echo", "r-echo", settings("t-echo").setGetNewCompaniesFromQbo(true)
                .setGetCompanyChangesFromQbo(true));
        stack.webhooks(webhookUrl(), TOKEN, false);
        // what cp-outbound-service does: create, link, record the write
        JsonNode ours = stack.create("r-echo", "Customer", "{\"DisplayName\":\"Echo Roofing\"}");
        String id = ours.path("Id").asString();
        stack.link("t-echo", "COMPANY", "c-echo", id);
        stack.recordWrite("t-echo", "r-echo", "Customer", id, ours.path("SyncToken").asString());
        stack.webhooks(webhookUrl(), TOKEN, true);
        pollCdc.poll(realm);

        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes("t-echo", id))
                .extracting(SyncOutcome::getResult).contains(SyncResult.ECHO_SUPPRESSED));
        assertThat(commandsFor("t-echo", "Customer", id)).isEmpty();

        stack.update("r-echo", "Customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + ours.path("SyncToken").asString()
                + "\",\"PrimaryEmailAddr\":{\"Address\":\"office@echo.example\"}}");

        await().atMost(WAIT).untilAsserted(() -> assertThat(commandsFor("t-echo", "Customer", id)).singleElement()
                .satisfies(command -> {
                    UpsertCompany upsert = (UpsertCompany) command.getPayload();
                    assertThat(upsert.getCompanyId()).isEqualTo("c-echo");
                    assertThat(upsert.getEmail()).isEqualTo("office@echo.example");
                }));
    }

    @Test
    void shouldRepointTheCompanyLinkWhenQboMergesTwoCustomers() {
        connect("t-merge", "r-merge", settings("t-merge").setGetCompanyChangesFromQbo(true));
        String loser = stack.create("r-merge", "Customer", "{\"DisplayName\":\"Merge Old\"}").path("Id").asString();
        String survivor = stack.create("r-merge", "Customer", "{\"DisplayName\":\"Merge New\"}").path("Id").asString();
        stack.link("t-merge", "COMPANY", "c-merged", loser);

        stack.mergeCustomers("r-merge", loser, survivor);

        await().atMost(WAIT).untilAsserted(() -> assertThat(outcomes("t-merge", survivor)).anySatisfy(o -> {
            assertThat(o.getAction()).isEqualTo(SyncAction.UPDATE);
            assertThat(o.getResult()).isEqualTo(SyncResult.SYNCED);
        }));
        assertThat(stack.linkedCenterpointId("t-merge", "COMPANY", survivor)).isEqualTo("c-merged");
    }

    /** Both company switches at true and at false, each row through the sandbox's real API and signed webhooks. */
    @Test
    void shouldFollowBothCompanySettingsForRealSandboxChanges() throws Exception {
        SettingRow.runTable("company", Map.of(
                "getNewCompaniesFromQbo", this::newCustomer,
                "getCompanyChangesFromQbo", this::userEditOfOurCustomer));
    }

    private void newCustomer(SettingRow row) {
        row.connectWithoutSettings();
        publish(row.settings());
        String id = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"New Co " + row.realm() + "\"}")
                .path("Id").asString();

        row.expectOutcome(id, SyncEntityType.COMPANY, SyncAction.CREATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Customer", id)).singleElement()
                    .satisfies(c -> assertThat(((UpsertCompany) c.getPayload()).getCompanyId()).isNull());
        }
        else {
            assertThat(commandsFor(row.tenant(), "Customer", id)).isEmpty();
        }
    }

    private void userEditOfOurCustomer(SettingRow row) {
        // as cp-outbound-service would: create, record the write, link; settings come after, so the
        // create's own webhook is skipped (no settings yet) or an echo, never a new company
        row.connectWithoutSettings();
        JsonNode ours = stack.create(row.realm(), "Customer", "{\"DisplayName\":\"Ours " + row.realm() + "\"}");
        String id = ours.path("Id").asString();
        stack.recordWrite(row.tenant(), row.realm(), "Customer", id, ours.path("SyncToken").asString());
        stack.link(row.tenant(), "COMPANY", "c-" + row.realm(), id);
        publish(row.settings());

        stack.update(row.realm(), "Customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"" + ours.path("SyncToken").asString()
                + "\",\"sparse\":true,\"PrimaryEmailAddr\":{\"Address\":\"edit@" + row.realm() + ".example\"}}");

        row.expectOutcome(id, SyncEntityType.COMPANY, SyncAction.UPDATE);
        if (row.on()) {
            assertThat(commandsFor(row.tenant(), "Customer", id)).singleElement().satisfies(c -> {
                UpsertCompany upsert = (UpsertCompany) c.getPayload();
                assertThat(upsert.getCompanyId()).isEqualTo("c-" + row.realm());
                assertThat(upsert.getEmail()).isEqualTo("edit@" + row.realm() + ".example");
            });
        }
        else {
            assertThat(commandsFor(row.tenant(), "Customer", id)).isEmpty();
        }
    }
}
