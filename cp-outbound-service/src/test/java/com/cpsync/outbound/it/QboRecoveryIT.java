package com.cpsync.outbound.it;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.Company;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.MAIN_ST;
import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;

/** QBO answers that are neither yes nor no (issue 3): a rejected token (401) and a stale SyncToken (5010). */
class QboRecoveryIT extends OutboundItBase {

    @Test
    void shouldRefreshTheTokenOnceThroughMappingServiceAfterA401AndThenSucceed() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        assertThat(awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Token One"))), "c1").getResult())
                .isEqualTo(SyncResult.SYNCED);
        // QBO stops honouring the access token the service holds (as when it expires early or is revoked)
        apps().revokeToken(apps().currentAccessToken(t.id()));

        String eventId = publish(t, new CompanyCreated(company("c2", "Token Two")));

        assertThat(awaitOutcome(t, eventId, "c2").getResult()).isEqualTo(SyncResult.SYNCED);
        // the match-before-create's three name lookups go out as one batch with the revoked token: one 401,
        // one refresh, then every call succeeds with the new token
        assertThat(apps().stats(t.realm()).path("byStatus").path("401").asInt(0)).isEqualTo(1);
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(2);
    }

    @Test
    void shouldReReadAndRetryWhenQboSaysTheSyncTokenIsStale() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        String qboId = awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Stale Co"))), "c1").getQboId();
        // a bookkeeper edits the customer in QBO: the SyncToken of our last write is now stale
        apps().createInQbo(t.realm(), "Customer", "{\"Id\":\"" + qboId + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"Notes\":\"edited in QBO\"}");
        Company changed = new Company("c1", "Stale Co", "billing@c1.example", "555-0100", MAIN_ST);

        SyncOutcome outcome = awaitOutcome(t, publish(t, new CompanyUpdated(changed)), "c1");

        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getAction().name()).isEqualTo("UPDATE");
        JsonNode customer = apps().entities(t.realm(), "Customer").get(0);
        assertThat(customer.path("PrimaryEmailAddr").path("Address").asString()).isEqualTo("billing@c1.example");
        assertThat(customer.path("Notes").asString()).isEqualTo("edited in QBO");
        assertThat(customer.path("SyncToken").asString()).isEqualTo("2");
        assertThat(apps().stats(t.realm()).path("byStatus").path("400").asInt(0)).as("one stale attempt").isEqualTo(1);
    }
}
