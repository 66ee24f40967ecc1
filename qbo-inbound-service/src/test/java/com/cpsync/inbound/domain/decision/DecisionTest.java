package com.cpsync.inbound.domain.decision;

import java.util.List;

import org.junit.jupiter.api.Test;

import com.cpsync.inbound.domain.decision.Command.DeleteInvoicePayment;
import com.cpsync.inbound.domain.decision.Decision.Conflict;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;
import com.cpsync.inbound.domain.decision.Decision.Failed;
import com.cpsync.inbound.domain.decision.Decision.Relinked;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;
import com.cpsync.inbound.domain.decision.Decision.Synced;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionTest {

    @Test
    void shouldGiveEachKindItsOwnOutcomeResult() {
        List<Decision> kinds = List.of(
                new Synced(SyncedEntity.PAYMENT, Action.DELETE, "9", "9", new DeleteInvoicePayment("9")),
                new Relinked("123", "27"),
                new SkippedBySettings(SyncedEntity.PAYMENT, Action.DELETE, "9", "9", "deletePaymentsDeletedInQbo is off"),
                new EchoSuppressed(SyncedEntity.COMPANY, "c-1", "58", "3"),
                new Conflict(SyncedEntity.PROJECT_INVOICE, Action.CREATE, "p-1", "130", "linked to another project"),
                new Failed(SyncedEntity.COMPANY, "58", "QBO refused the read"));

        assertThat(kinds).extracting(Decision::result).containsExactly(Result.SYNCED, Result.SYNCED,
                Result.SKIPPED_BY_SETTINGS, Result.ECHO_SUPPRESSED, Result.CONFLICT, Result.FAILED);
        assertThat(kinds).extracting(Decision::reason).containsExactly(null, null, "deletePaymentsDeletedInQbo is off",
                "QBO SyncToken 3 is our own write", "linked to another project", "QBO refused the read");
    }

    @Test
    void shouldSyncAMergeAsAnUpdateOfTheSurvivingCompanyWithoutACommand() {
        Relinked merge = new Relinked("123", "27");

        assertThat(merge.entity()).isEqualTo(SyncedEntity.COMPANY);
        assertThat(merge.action()).isEqualTo(Action.UPDATE);
        assertThat(merge.qboId()).isEqualTo("123");
        assertThat(merge.centerpointId()).isNull();
    }

    @Test
    void shouldNotLetASyncedDecisionGoWithoutItsCommand() {
        assertThatThrownBy(() -> new Synced(SyncedEntity.COMPANY, Action.CREATE, null, "58", null))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("command");
    }

    @Test
    void shouldDoNothingForAnEchoOrAFailure() {
        assertThat(new EchoSuppressed(SyncedEntity.COMPANY, "c-1", "58", "3").action()).isEqualTo(Action.NONE);
        assertThat(new Failed(SyncedEntity.COMPANY, "58", "refused").action()).isEqualTo(Action.NONE);
    }
}
