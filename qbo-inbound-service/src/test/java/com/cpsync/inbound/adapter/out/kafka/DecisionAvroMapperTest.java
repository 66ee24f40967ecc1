package com.cpsync.inbound.adapter.out.kafka;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.application.Emission;
import com.cpsync.inbound.domain.decision.Action;
import com.cpsync.inbound.domain.decision.Command.DeleteInvoicePayment;
import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.inbound.domain.decision.Decision.Conflict;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;
import com.cpsync.inbound.domain.decision.Decision.Relinked;
import com.cpsync.inbound.domain.decision.Decision.Synced;
import com.cpsync.inbound.domain.decision.SyncedEntity;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionAvroMapperTest {

    private static final Instant NOW = Instant.parse("2026-11-26T09:00:00Z");

    private static Emission emission(Decision decision, String commandId) {
        return new Emission("t1", "r1", "change-1", decision, commandId);
    }

    @Test
    void shouldPublishTheCommandOfASyncedDecisionAndItsOutcome() {
        Emission synced = emission(new Synced(SyncedEntity.PAYMENT, Action.DELETE, "140", "140",
                new DeleteInvoicePayment("140")), "cmd-1");

        CenterpointCommand command = DecisionAvroMapper.toCommand(synced, NOW);
        SyncOutcome outcome = DecisionAvroMapper.toOutcome(synced, NOW);

        assertThat(command.getCommandId()).isEqualTo("cmd-1");
        assertThat(command.getPayload()).isEqualTo(new com.cpsync.schemas.avro.DeleteInvoicePayment("140"));
        assertThat(outcome.getDirection()).isEqualTo(SyncDirection.FROM_QBO);
        assertThat(outcome.getEntityType()).isEqualTo(SyncEntityType.PAYMENT);
        assertThat(outcome.getAction()).isEqualTo(SyncAction.DELETE);
        assertThat(outcome.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.getCausationId()).isEqualTo("change-1");
    }

    @Test
    void shouldPublishAConflictAsAConflictOutcomeWithItsReason() {
        SyncOutcome outcome = DecisionAvroMapper.toOutcome(emission(new Conflict(SyncedEntity.PROJECT_INVOICE,
                Action.CREATE, "p-1", "130", "invoice 130 is linked to another project"), null), NOW);

        assertThat(outcome.getResult()).isEqualTo(SyncResult.CONFLICT);
        assertThat(outcome.getReason()).isEqualTo("invoice 130 is linked to another project");
        assertThat(outcome.getCenterpointId()).isEqualTo("p-1");
    }

    @Test
    void shouldPublishAnEchoAndAMergeAsOutcomesOnly() {
        SyncOutcome echo = DecisionAvroMapper.toOutcome(emission(new EchoSuppressed(SyncedEntity.COMPANY, "c-1", "58",
                "2"), null), NOW);
        SyncOutcome merge = DecisionAvroMapper.toOutcome(emission(new Relinked("123", "27"), null), NOW);

        assertThat(echo.getResult()).isEqualTo(SyncResult.ECHO_SUPPRESSED);
        assertThat(echo.getAction()).isEqualTo(SyncAction.NONE);
        assertThat(merge.getResult()).isEqualTo(SyncResult.SYNCED);
        assertThat(merge.getAction()).isEqualTo(SyncAction.UPDATE);
        assertThat(merge.getEntityType()).isEqualTo(SyncEntityType.COMPANY);
        assertThatThrownBy(() -> DecisionAvroMapper.toCommand(emission(new Relinked("123", "27"), null), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
