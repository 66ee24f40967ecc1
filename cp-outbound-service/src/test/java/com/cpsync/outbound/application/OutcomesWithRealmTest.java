package com.cpsync.outbound.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;

import static org.assertj.core.api.Assertions.assertThat;

class OutcomesWithRealmTest {

    private final List<SyncOutcomeRecord> published = new ArrayList<>();

    @Test
    void shouldFillTheTenantsRealmIntoAnOutcomeWithoutOne() {
        new OutcomesWithRealm(published::add, tenant -> Optional.of("realm-of-" + tenant)).publish(skipped());

        assertThat(published).singleElement().extracting(SyncOutcomeRecord::realmId).isEqualTo("realm-of-t1");
    }

    @Test
    void shouldKeepARealmTheOutcomeAlreadyNames() {
        new OutcomesWithRealm(published::add, tenant -> Optional.of("other")).publish(skipped().withRealm("r1"));

        assertThat(published).singleElement().extracting(SyncOutcomeRecord::realmId).isEqualTo("r1");
    }

    @Test
    void shouldStillPublishWhenTheRealmCannotBeLookedUp() {
        new OutcomesWithRealm(published::add, tenant -> {
            throw new TenantMustWait(WaitReason.FAILING, null, "mapping-service unavailable", null);
        }).publish(skipped());

        assertThat(published).singleElement().satisfies(o -> {
            assertThat(o.realmId()).isNull();
            assertThat(o.result()).isEqualTo(Result.SKIPPED_BY_SETTINGS);
        });
    }

    private static SyncOutcomeRecord skipped() {
        return SyncOutcomeRecord.of("t1", "e1", EntityKind.COMPANY, "c1", Result.SKIPPED_BY_SETTINGS, "never");
    }
}
