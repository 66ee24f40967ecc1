package com.cpsync.outbound.it;

import java.time.Instant;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.CompaniesToQbo;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.ConflictResolution;
import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ResolutionAction;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static com.cpsync.outbound.it.ItFixtures.company;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Resolutions of held records (issue 11), as ops-console sends them on cp-outbound.resolutions.v1: each re-runs
 * the held entity's sync against the real sandbox and mapping-service, and ends as an outcome caused by it.
 */
class ConflictResolutionIT extends OutboundItBase {

    @Test
    void shouldLinkAHeldCompanyToTheChosenCustomer() {
        Tenant t = holdTenant();
        String customer = apps().createInQbo(t.realm(), "Customer", "{\"DisplayName\":\"Held Supplies Inc\"}")
                .path("Id").asString();
        SyncOutcome held = holdCompany(t);

        String resolution = resolve(t, held, ResolutionAction.LINK, customer);

        SyncOutcome resolved = awaitOutcome(t, resolution, "c1");
        assertThat(resolved.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(resolved.getAction()).isEqualTo(SyncAction.LINK);
        assertThat(resolved.getQboId()).isEqualTo(customer);
        assertThat(resolved.getReason()).contains("LINK by ops");
        assertThat(apps().entities(t.realm(), "Customer")).hasSize(1);
    }

    @Test
    void shouldKeepALinkToACustomerLinkedElsewhereAConflict() {
        Tenant t = holdTenant();
        String taken = awaitOutcome(t, publish(t, new CompanyCreated(company("c2", "Other Co"))), "c2").getQboId();
        SyncOutcome held = holdCompany(t);

        SyncOutcome resolved = awaitOutcome(t, resolve(t, held, ResolutionAction.LINK, taken), "c1");

        assertThat(resolved.getResult()).isEqualTo(SyncResult.CONFLICT);
        assertThat(resolved.getReason()).contains(taken);
    }

    @Test
    void shouldCreateAHeldCompanyWithTheSuffixOnceForARepeatedResolution() {
        Tenant t = holdTenant();
        SyncOutcome held = holdCompany(t);
        String resolutionId = UUID.randomUUID().toString();

        send(t, resolution(t, held, resolutionId, ResolutionAction.CREATE_WITH_SUFFIX, null));
        send(t, resolution(t, held, resolutionId, ResolutionAction.CREATE_WITH_SUFFIX, null));
        SyncOutcome resolved = awaitOutcome(t, resolutionId, "c1");
        // a later marker resolution shows that everything before it was handled
        String marker = resolve(t, held, ResolutionAction.DISMISS, null);
        awaitOutcome(t, marker, "c1");

        assertThat(resolved.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(resolved.getAction()).isEqualTo(SyncAction.CREATE);
        assertThat(outcomesOfEvent(resolutionId)).hasSize(1);
        assertThat(customerNames(t)).containsExactly("Held Supplies (customer)");
    }

    @Test
    void shouldDismissAHeldCompanyNamingWhoDismissedIt() {
        Tenant t = holdTenant();
        SyncOutcome held = holdCompany(t);

        SyncOutcome resolved = awaitOutcome(t, resolve(t, held, ResolutionAction.DISMISS, null), "c1");

        assertThat(resolved.getResult()).isEqualTo(SyncResult.SKIPPED_BY_SETTINGS);
        assertThat(resolved.getReason()).startsWith("dismissed by ops");
        assertThat(apps().entities(t.realm(), "Customer")).isEmpty();
    }

    @Test
    void shouldCreateAHeldProjectWithTheSuffix() {
        Tenant t = roofRepairTakenByAVendor(NameConflictPolicy.HOLD);
        SyncOutcome held = awaitOutcome(t, publish(t, new ProjectCreated(new Project("p1", "c1", "Roof Repair", null))),
                "p1");
        assertThat(held.getResult()).isEqualTo(SyncResult.CONFLICT);

        SyncOutcome resolved = awaitOutcome(t, resolve(t, held, ResolutionAction.CREATE_WITH_SUFFIX, null), "p1");

        assertThat(resolved.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(customerNames(t)).containsExactlyInAnyOrder("Gable Homes", "Roof Repair (customer)");
    }

    private Tenant holdTenant() {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED, s -> s.setNameConflictPolicy(NameConflictPolicy.HOLD));
        apps().createInQbo(t.realm(), "Vendor", "{\"DisplayName\":\"Held Supplies\"}");
        return t;
    }

    /** Company c1 "Held Supplies", held: a vendor has its name. */
    private SyncOutcome holdCompany(Tenant t) {
        SyncOutcome held = awaitOutcome(t, publish(t, new CompanyCreated(company("c1", "Held Supplies"))), "c1");
        assertThat(held.getResult()).isEqualTo(SyncResult.CONFLICT);
        return held;
    }

    /** Sends a new resolution of the held outcome; returns its id (the causation id of its outcome). */
    private String resolve(Tenant t, SyncOutcome held, ResolutionAction action, String qboId) {
        String resolutionId = UUID.randomUUID().toString();
        send(t, resolution(t, held, resolutionId, action, qboId));
        return resolutionId;
    }

    private void send(Tenant t, ConflictResolution resolution) {
        send(new ProducerRecord<>(Topics.CP_OUTBOUND_RESOLUTIONS, t.id(), resolution));
    }

    private static ConflictResolution resolution(Tenant t, SyncOutcome held, String resolutionId,
            ResolutionAction action, String qboId) {
        return ConflictResolution.newBuilder().setResolutionId(resolutionId).setTenantId(t.id())
                .setConflictId(held.getOutcomeId()).setEntityType(held.getEntityType().name())
                .setCenterpointId(held.getCenterpointId()).setAction(action).setQboId(qboId).setRequestedBy("ops")
                .setRequestedAt(Instant.now()).build();
    }
}
