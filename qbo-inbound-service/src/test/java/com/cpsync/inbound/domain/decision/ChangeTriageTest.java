package com.cpsync.inbound.domain.decision;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.inbound.domain.change.ChangeOperation;
import com.cpsync.inbound.domain.change.ChangeSource;
import com.cpsync.inbound.domain.change.EntityChange;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.decision.Decision.Failed;
import com.cpsync.inbound.domain.decision.Decision.Relinked;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeTriageTest {

    private static final Instant T = Instant.parse("2026-11-26T09:00:00Z");

    private static EntityChange change(QboEntity entity, ChangeOperation operation, String deletedId) {
        return new EntityChange("c1", "r1", entity, "123", operation, T, deletedId, ChangeSource.WEBHOOK, T, null);
    }

    /** What is decided before any QBO read, in order: connection, settings, merge, the entity's switches. */
    @ParameterizedTest(name = "{0} {1} connected={2} settings={3} -> {4}")
    @CsvSource({
            "CUSTOMER, CREATE, false, all,     FAILED: QBO connection of the tenant is disconnected",
            "CUSTOMER, CREATE, true,  none,    SKIPPED: tenant has no sync settings",
            "CUSTOMER, MERGE,  true,  company, RELINKED",
            "INVOICE,  MERGE,  true,  all,     SKIPPED: only customer merges are synced",
            "CUSTOMER, CREATE, true,  payment, SKIPPED: no inbound setting for Customer is on",
            "INVOICE,  UPDATE, true,  company, SKIPPED: no inbound setting for Invoice is on",
            "PAYMENT,  DELETE, true,  company, SKIPPED: no inbound setting for Payment is on",
            "CUSTOMER, CREATE, true,  company, NEEDS STATE",
            "INVOICE,  UPDATE, true,  all,     NEEDS STATE",
            "PAYMENT,  DELETE, true,  payment, NEEDS STATE",
    })
    void shouldDecideWithoutQboStateWhatNeedsNone(QboEntity entity, ChangeOperation operation, boolean connected,
            String settings, String expected) {
        Optional<Decision> decision = ChangeTriage.decide(change(entity, operation, "27"),
                SyncedEntity.of(entity).orElseThrow(), connected, settings(settings));

        assertThat(decision.map(ChangeTriageTest::describe).orElse("NEEDS STATE")).isEqualTo(expected);
    }

    @Test
    void shouldRelinkTheMergedAwayCustomersCompanyToTheSurvivor() {
        Optional<Decision> decision = ChangeTriage.decide(change(QboEntity.CUSTOMER, ChangeOperation.MERGE, "27"),
                SyncedEntity.COMPANY, true, Optional.of(InboundSettingsFixtures.with("getCompanyChangesFromQbo")));

        assertThat(decision).contains(new Relinked("123", "27"));
    }

    @Test
    void shouldTreatAMergeWithoutAMergedAwayIdAsAnyOtherChange() {
        Optional<Decision> decision = ChangeTriage.decide(change(QboEntity.CUSTOMER, ChangeOperation.MERGE, null),
                SyncedEntity.COMPANY, true, Optional.of(InboundSettingsFixtures.all()));

        assertThat(decision).isEmpty();
    }

    private static Optional<InboundSettings> settings(String name) {
        switch (name) {
            case "none": return Optional.empty();
            case "company": return Optional.of(InboundSettingsFixtures.with("getNewCompaniesFromQbo"));
            case "payment": return Optional.of(InboundSettingsFixtures.with("deletePaymentsDeletedInQbo"));
            default: return Optional.of(InboundSettingsFixtures.all());
        }
    }

    private static String describe(Decision decision) {
        if (decision instanceof Failed) {
            return "FAILED: " + decision.reason();
        }
        if (decision instanceof SkippedBySettings) {
            return "SKIPPED: " + decision.reason();
        }
        return decision instanceof Relinked ? "RELINKED" : decision.toString();
    }
}
