package com.cpsync.inbound.domain.decision;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.cpsync.inbound.domain.decision.Command.UpsertCompany;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;
import com.cpsync.inbound.domain.qbo.QboCustomer;

import static org.assertj.core.api.Assertions.assertThat;

class CustomerDecisionsTest {

    static QboCustomer customer(String syncToken, boolean job) {
        return new QboCustomer("58", syncToken, "Acme", "ap@acme.com", null, null, job, true, job ? "7" : null);
    }

    /** Every value of both company settings, for a new and for a linked customer. */
    @ParameterizedTest(name = "new={0} changes={1} linked={2} -> {3} {4}")
    @CsvSource({
            "false, false, false, SKIPPED_BY_SETTINGS, CREATE",
            "true,  false, false, SYNCED,              CREATE",
            "false, true,  false, SKIPPED_BY_SETTINGS, CREATE",
            "true,  true,  false, SYNCED,              CREATE",
            "false, false, true,  SKIPPED_BY_SETTINGS, UPDATE",
            "true,  false, true,  SKIPPED_BY_SETTINGS, UPDATE",
            "false, true,  true,  SYNCED,              UPDATE",
            "true,  true,  true,  SYNCED,              UPDATE"
    })
    void shouldFollowTheCompanySettings(boolean getNew, boolean getChanges, boolean linked, Result result,
            Action action) {
        InboundSettings settings = new InboundSettings(getNew, getChanges, false, false, false, false, false, false);

        Decision decision = CustomerDecisions.decide("58", customer("1", false), linked ? "c-1" : null, null, settings);

        assertThat(decision.result()).isEqualTo(result);
        assertThat(decision.action()).isEqualTo(action);
        assertThat(decision.entity()).isEqualTo(SyncedEntity.COMPANY);
        if (result == Result.SYNCED) {
            UpsertCompany upsert = (UpsertCompany) DecisionKinds.commandOf(decision);
            assertThat(upsert.companyId()).isEqualTo(linked ? "c-1" : null);
            assertThat(upsert.qboCustomerId()).isEqualTo("58");
            assertThat(upsert.name()).isEqualTo("Acme");
            assertThat(upsert.email()).isEqualTo("ap@acme.com");
        }
        else {
            assertThat(decision).isInstanceOf(SkippedBySettings.class);
            assertThat(decision.reason()).contains(linked ? "getCompanyChangesFromQbo" : "getNewCompaniesFromQbo");
        }
    }

    @Test
    void shouldSuppressTheEchoOfOurOwnWriteButNotALaterUserEdit() {
        InboundSettings all = InboundSettingsFixtures.all();

        Decision echo = CustomerDecisions.decide("58", customer("0", false), "c-1", "0", all);
        Decision edit = CustomerDecisions.decide("58", customer("1", false), "c-1", "0", all);

        assertThat(echo).isEqualTo(new EchoSuppressed(SyncedEntity.COMPANY, "c-1", "58", "0"));
        assertThat(echo.result()).isEqualTo(Result.ECHO_SUPPRESSED);
        assertThat(echo.reason()).isEqualTo("QBO SyncToken 0 is our own write");
        assertThat(((UpsertCompany) DecisionKinds.commandOf(edit)).companyId()).isEqualTo("c-1");
    }

    @Test
    void shouldNotImportSubCustomersAsCompanies() {
        Decision decision = CustomerDecisions.decide("59", customer("0", true), null, null, InboundSettingsFixtures.all());

        assertThat(decision).isInstanceOf(SkippedBySettings.class);
        assertThat(decision.reason()).contains("sub-customers");
    }

    @Test
    void shouldSkipACustomerQboNoLongerHas() {
        Decision decision = CustomerDecisions.decide("60", null, null, null, InboundSettingsFixtures.all());

        assertThat(decision).isInstanceOf(SkippedBySettings.class);
        assertThat(decision.reason()).contains("no longer exists");
    }
}
