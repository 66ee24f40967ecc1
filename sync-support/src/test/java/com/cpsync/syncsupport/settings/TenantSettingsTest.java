package com.cpsync.syncsupport.settings;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.cpsync.schemas.avro.NameConflictPolicy;
import com.cpsync.schemas.avro.SyncSettings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TenantSettingsTest {

    /** A service's own settings record: here just the two fields it reads. */
    private record Policy(NameConflictPolicy policy, String suffix) {
    }

    private final TenantSettings<Policy> settings =
            new TenantSettings<>(s -> new Policy(s.getNameConflictPolicy(), s.getNameConflictSuffix()));

    @Test
    void shouldKeepTheLatestSettingsOfEachTenantInTheServicesShape() {
        settings.onRecord("t1", settingsOf("t1", NameConflictPolicy.HOLD));
        settings.onRecord("t1", settingsOf("t1", NameConflictPolicy.SUFFIX));
        settings.onRecord("t2", settingsOf("t2", NameConflictPolicy.HOLD));

        assertThat(settings.of("t1")).contains(new Policy(NameConflictPolicy.SUFFIX, " (customer)"));
        assertThat(settings.tenants()).isEqualTo(2);
    }

    @Test
    void shouldForgetATenantOnATombstone() {
        settings.onRecord("t1", settingsOf("t1", NameConflictPolicy.HOLD));

        settings.onRecord("t1", null);

        assertThat(settings.of("t1")).isEmpty();
    }

    @Test
    void shouldHaveNoSettingsForATenantItNeverSaw() {
        assertThat(settings.of("unknown")).isEmpty();
    }

    @Test
    void shouldRefuseARecordThatIsNotSyncSettingsOrHasNoTenant() {
        assertThatThrownBy(() -> settings.onRecord("t1", "not settings"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not SyncSettings");
        assertThatThrownBy(() -> settings.onRecord(null, settingsOf("t1", NameConflictPolicy.HOLD)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(settings.tenants()).isZero();
    }

    private static SyncSettings settingsOf(String tenant, NameConflictPolicy policy) {
        return SyncSettings.newBuilder().setTenantId(tenant).setUpdatedAt(Instant.parse("2026-11-26T09:00:00Z"))
                .setNameConflictPolicy(policy).build();
    }
}
