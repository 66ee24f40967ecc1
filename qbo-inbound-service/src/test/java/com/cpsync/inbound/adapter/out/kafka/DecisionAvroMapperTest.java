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
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.syncsupport.outcome.Outcome;

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
        Outcome outcome = DecisionAvroMapper.toOutcome(synced);

        assertThat(command.getCommandId()).isEqualTo("cmd-1");
        assertThat(command.getPayload()).isEqualTo(new com.cpsync.schemas.avro.DeleteInvoicePayment("140"));
        assertThat(outcome.direction()).isEqualTo(SyncDirection.FROM_QBO);
        assertThat(outcome.entity()).isEqualTo(SyncEntityType.PAYMENT);
        assertThat(outcome.action()).isEqualTo(SyncAction.DELETE);
        assertThat(outcome.result()).isEqualTo(SyncResult.SYNCED);
        assertThat(outcome.causationId()).isEqualTo("change-1");
    }

    @Test
    void shouldPublishAConflictAsAConflictOutcomeWithItsReason() {
        Outcome outcome = DecisionAvroMapper.toOutcome(emission(new Conflict(SyncedEntity.PROJECT_INVOICE,
                Action.CREATE, "p-1", "130", "invoice 130 is linked to another project"), null));

        assertThat(outcome.result()).isEqualTo(SyncResult.CONFLICT);
        assertThat(outcome.reason()).isEqualTo("invoice 130 is linked to another project");
        assertThat(outcome.centerpointId()).isEqualTo("p-1");
    }

    @Test
    void shouldPublishAnEchoAndAMergeAsOutcomesOnly() {
        Outcome echo = DecisionAvroMapper.toOutcome(emission(new EchoSuppressed(SyncedEntity.COMPANY, "c-1", "58",
                "2"), null));
        Outcome merge = DecisionAvroMapper.toOutcome(emission(new Relinked("123", "27"), null));

        assertThat(echo.result()).isEqualTo(SyncResult.ECHO_SUPPRESSED);
        assertThat(echo.action()).isEqualTo(SyncAction.NONE);
        assertThat(merge.result()).isEqualTo(SyncResult.SYNCED);
        assertThat(merge.action()).isEqualTo(SyncAction.UPDATE);
        assertThat(merge.entity()).isEqualTo(SyncEntityType.COMPANY);
        assertThatThrownBy(() -> DecisionAvroMapper.toCommand(emission(new Relinked("123", "27"), null), NOW))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
