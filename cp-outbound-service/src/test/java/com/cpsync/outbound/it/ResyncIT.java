package com.cpsync.outbound.it;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.InvoiceLineMode;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceUpdated;
import com.cpsync.schemas.avro.ServiceInvoicesToQbo;
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

    /** A person changed the invoice's total in QBO; the resynced event writes Centerpoint's invoice whole again. */
    @Test
    void shouldRestoreCenterpointsTotalOfAnInvoiceChangedInQbo() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s
                .setServiceInvoicesToQbo(ServiceInvoicesToQbo.WHEN_CREATED).setSendServiceInvoiceChanges(true)
                .setInvoiceLineMode(InvoiceLineMode.MULTI_LINE));
        publish(t, new CompanyCreated(company("c1", "Invoiced Co")));
        ServiceInvoice invoice = ItFixtures.invoice("i1", "c1", "t9", "INV-1");
        assertThat(awaitOutcome(t, publish(t, new ServiceInvoiceCreated(invoice)), "i1").getResult())
                .isEqualTo(SyncResult.SYNCED);
        JsonNode synced = apps().entities(t.realm(), "Invoice").get(0);
        apps().sandbox("POST", "/admin/realms/" + t.realm() + "/entities/invoice", Map.of("Id",
                synced.path("Id").asString(), "SyncToken", synced.path("SyncToken").asString(), "sparse", true,
                "Line", List.of(Map.of("DetailType", "SalesItemLineDetail", "Amount", "420.00",
                        "SalesItemLineDetail", Map.of("ItemRef", Map.of("value", "1"), "Qty", "1", "UnitPrice", "420.00")))));
        assertThat(apps().entities(t.realm(), "Invoice").get(0).path("TotalAmt").decimalValue())
                .isEqualByComparingTo("420.00");

        CenterpointEvent resync = CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString())
                .setTenantId(t.id()).setOccurredAt(Instant.now())
                .setCausationId(OutboundEvent.RESYNC_CAUSATION_PREFIX + "r1").setPayload(new ServiceInvoiceUpdated(invoice))
                .build();
        send(t, resync);

        SyncOutcome outcome = awaitOutcome(t, resync.getEventId(), "i1");
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getAction().name()).isEqualTo("UPDATE");
        assertThat(apps().entities(t.realm(), "Invoice")).singleElement()
                .satisfies(restored -> assertThat(restored.path("TotalAmt").decimalValue()).isEqualByComparingTo("380.00"));
    }
}
