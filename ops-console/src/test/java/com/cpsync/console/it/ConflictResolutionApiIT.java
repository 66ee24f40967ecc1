package com.cpsync.console.it;

import java.time.Instant;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import com.cpsync.schemas.Topics;
import com.cpsync.schemas.avro.ConflictResolution;
import com.cpsync.schemas.avro.ResolutionAction;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.serde.AvroDeserializer;

import static com.cpsync.console.it.Records.anOutcome;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Resolving a held conflict through the API: the command reaches cp-outbound.resolutions.v1 once, keyed by the
 * tenant, whatever the clicks; wrong role, unknown ids and bad requests change nothing.
 */
class ConflictResolutionApiIT extends ConsoleItBase {

    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");
    private static final AvroDeserializer AVRO = new AvroDeserializer();

    @Test
    void shouldSendOneResolutionPerHeldConflictWhateverTheClicks() {
        SyncOutcome heldA = hold("co-a", SyncEntityType.COMPANY);
        SyncOutcome heldB = hold("co-b", SyncEntityType.PROJECT);
        long conflictA = conflictId("co-a");

        ConsoleApi.Reply first = operator().post(resolution(conflictA), "{\"action\":\"LINK\",\"qboId\":\"58\"}");
        ConsoleApi.Reply second = operator().post(resolution(conflictA), "{\"action\":\"DISMISS\"}");
        ConsoleApi.Reply marker = operator().post(resolution(conflictId("co-b")),
                "{\"action\":\"CREATE_WITH_SUFFIX\"}");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.body().get("result").asString()).isEqualTo("SENT");
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.body().get("result").asString()).isEqualTo("ALREADY_RESOLVED");
        assertThat(second.body().get("resolvedBy").asString()).isEqualTo("ops");
        assertThat(marker.body().get("result").asString()).isEqualTo("SENT");
        String markerId = marker.body().get("resolutionId").asString();
        List<ConflictResolution> sent = resolutionsOfTenantUntil(markerId);
        assertThat(sent).extracting(r -> r.getConflictId()).containsExactly(heldA.getOutcomeId(), heldB.getOutcomeId());
        ConflictResolution link = sent.get(0);
        assertThat(link.getResolutionId()).isEqualTo(first.body().get("resolutionId").asString());
        assertThat(link.getAction()).isEqualTo(ResolutionAction.LINK);
        assertThat(link.getQboId()).isEqualTo("58");
        assertThat(link.getEntityType()).isEqualTo("COMPANY");
        assertThat(link.getCenterpointId()).isEqualTo("co-a");
        assertThat(link.getRequestedBy()).isEqualTo("ops");
        assertThat(sent.get(1).getAction()).isEqualTo(ResolutionAction.CREATE_WITH_SUFFIX);
        assertThat(operator().ok("/api/audit")).filteredOn(a -> a.get("action").asString().equals("RESOLVE_CONFLICT")
                && a.get("target").asString().endsWith(tenant)).extracting(a -> a.get("result").asString())
                .containsExactly("SENT", "ALREADY_RESOLVED", "SENT");
    }

    @Test
    void shouldDropTheRecordFromTheHeldListOnceItsNewOutcomeComes() {
        hold("co-c", SyncEntityType.COMPANY);
        assertThat(operator().post(resolution(conflictId("co-c")), "{\"action\":\"DISMISS\"}").status())
                .isEqualTo(200);

        // what cp-outbound-service answers a DISMISS with
        publish(Topics.SYNC_OUTCOMES, tenant, anOutcome(tenant, SyncEntityType.COMPANY, "co-c", null,
                SyncResult.SKIPPED_BY_SETTINGS, "dismissed by ops", T0.plusSeconds(60)));

        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok("/api/tenants/" + tenant + "/conflicts"))
                .isEmpty());
    }

    @Test
    void shouldRefuseTheWrongRoleUnknownIdsAndBadRequestsChangingNothing() {
        hold("co-d", SyncEntityType.COMPANY);
        hold("inv-d", SyncEntityType.SERVICE_INVOICE);
        long conflict = conflictId("co-d");
        String dismiss = "{\"action\":\"DISMISS\"}";

        assertThat(ConsoleApi.anonymous(port).post(resolution(conflict), dismiss).status()).isEqualTo(401);
        assertThat(viewer().post(resolution(conflict), dismiss).status()).isEqualTo(403);
        assertThat(operator().post(resolution(conflict + 100_000), dismiss).status()).isEqualTo(404);
        assertThat(operator().post("/api/tenants/nobody-" + tenant + "/conflicts/" + conflict + "/resolution",
                dismiss).status()).isEqualTo(404);
        ConsoleApi.Reply noQboId = operator().post(resolution(conflict), "{\"action\":\"LINK\"}");
        assertThat(noQboId.status()).isEqualTo(400);
        assertThat(noQboId.body().get("message").asString()).contains("qboId");
        assertThat(operator().post(resolution(conflict), "{\"action\":\"MERGE\"}").status()).isEqualTo(400);
        assertThat(operator().post(resolution(conflict), "not json").status()).isEqualTo(400);
        ConsoleApi.Reply invoiceLink = operator().post(resolution(conflictId("inv-d")),
                "{\"action\":\"LINK\",\"qboId\":\"9\"}");
        assertThat(invoiceLink.status()).isEqualTo(400);
        assertThat(invoiceLink.body().get("message").asString()).contains("SERVICE_INVOICE");

        // nothing was claimed: the operator's DISMISS is the first resolution
        ConsoleApi.Reply dismissed = operator().post(resolution(conflict), dismiss);
        assertThat(dismissed.body().get("result").asString()).isEqualTo("SENT");
        assertThat(resolutionsOfTenantUntil(dismissed.body().get("resolutionId").asString())).hasSize(1);
    }

    private SyncOutcome hold(String centerpointId, SyncEntityType entity) {
        SyncOutcome held = anOutcome(tenant, entity, centerpointId, null, SyncResult.CONFLICT,
                "QBO Vendor 12 'Acme' already uses the name", T0);
        publish(Topics.SYNC_OUTCOMES, tenant, held);
        await().atMost(WAIT).untilAsserted(() -> assertThat(operator().ok("/api/tenants/" + tenant + "/conflicts"))
                .anySatisfy(c -> assertThat(c.get("centerpointId").asString()).isEqualTo(centerpointId)));
        return held;
    }

    private long conflictId(String centerpointId) {
        JsonNode conflicts = operator().ok("/api/tenants/" + tenant + "/conflicts");
        for (JsonNode conflict : conflicts) {
            if (conflict.get("centerpointId").asString().equals(centerpointId)) {
                return conflict.get("id").asLong();
            }
        }
        throw new AssertionError("no held conflict of " + centerpointId + " in " + conflicts);
    }

    private String resolution(long conflictId) {
        return "/api/tenants/" + tenant + "/conflicts/" + conflictId + "/resolution";
    }

    /** This tenant's resolutions on the topic, in order, up to the one with this id. */
    private List<ConflictResolution> resolutionsOfTenantUntil(String resolutionId) {
        List<ConsumerRecord<String, byte[]>> read = TopicReading.readUntil(brokers, Topics.CP_OUTBOUND_RESOLUTIONS,
                record -> decode(record).getResolutionId().equals(resolutionId), WAIT);
        return read.stream().filter(record -> tenant.equals(record.key())).map(ConflictResolutionApiIT::decode)
                .toList();
    }

    private static ConflictResolution decode(ConsumerRecord<String, byte[]> record) {
        return (ConflictResolution) AVRO.deserialize(record.topic(), record.value());
    }
}
