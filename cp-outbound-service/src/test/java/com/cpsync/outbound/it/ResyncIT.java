package com.cpsync.outbound.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation's resync (issue 12) as cp-outbound meets it: the ops console has Centerpoint publish each record's
 * latest event again, caused by {@code resync:<reconciliation>}. A tenant connected after creating 50 companies
 * gets them into QBO through the normal path: matched before created, so customers the realm already had are
 * linked, never made twice.
 */
class ResyncIT extends OutboundItBase {

    @Test
    void shouldBringFiftyCompaniesOfATenantConnectedLaterMatchingTheCustomersTheRealmAlreadyHas() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setNameConflictPolicy(NameConflictPolicy.HOLD));
        for (int i = 0; i < 5; i++) {
            apps().createInQbo(t.realm(), "Customer", "{\"DisplayName\":\"Existing Co " + i + "\"}");
        }
        String causation = OutboundEvent.RESYNC_CAUSATION_PREFIX + UUID.randomUUID();
        List<String> eventIds = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String name = i < 5 ? "Existing Co " + i : "Later Co " + i;
            CenterpointEvent event = CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                    .setTenantId(t.id()).setOccurredAt(Instant.now()).setCausationId(causation)
                    .setPayload(new CompanyCreated(company("c" + i, name))).build();
            send(t, event);
            eventIds.add(event.getEventId());
        }

        for (int i = 0; i < 50; i++) {
            SyncOutcome outcome = awaitOutcome(t, eventIds.get(i), "c" + i);
            assertThat(outcome.getResult()).as("c%d", i).isEqualTo(SyncResult.SYNCED);
        }
        List<JsonNode> customers = apps().entities(t.realm(), "Customer");
        assertThat(customers).as("five matched, forty-five created, none twice").hasSize(50)
                .extracting(c -> c.path("DisplayName").asString()).doesNotHaveDuplicates();
        for (int i = 0; i < 5; i++) {
            String name = "Existing Co " + i;
            String existing = customers.stream().filter(c -> name.equals(c.path("DisplayName").asString()))
                    .findFirst().orElseThrow().path("Id").asString();
            assertThat(apps().link(t.id(), "COMPANY", "c" + i).path("qboId").asString()).as(name).isEqualTo(existing);
        }
    }
}
