package com.cpsync.syncsupport.settings;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.cpsync.schemas.avro.SyncSettings;

/**
 * The latest {@link SyncSettings} of each tenant, as the service's own settings record: feed it the
 * records of the compacted settings topic ({@link #onRecord}, usually from a
 * {@code ReplayedTopicReader}). A tombstone removes the tenant: no settings, nothing syncs.
 *
 * @param <S> the service's settings record (each service reads the fields it needs)
 */
public class TenantSettings<S> {

    private final Map<String, S> byTenant = new ConcurrentHashMap<>();
    private final Function<SyncSettings, S> toDomain;

    public TenantSettings(Function<SyncSettings, S> toDomain) {
        this.toDomain = toDomain;
    }

    /** One record of the settings topic; anything but SyncSettings or a tombstone is refused. */
    public void onRecord(String tenantId, Object value) {
        if (tenantId == null) {
            throw new IllegalArgumentException("settings record without a tenant key");
        }
        if (value == null) {
            byTenant.remove(tenantId);
        }
        else if (value instanceof SyncSettings settings) {
            byTenant.put(tenantId, toDomain.apply(settings));
        }
        else {
            throw new IllegalArgumentException("not SyncSettings: " + value.getClass().getName());
        }
    }

    /** Empty when the tenant has no settings record (or a tombstone). */
    public Optional<S> of(String tenantId) {
        return Optional.ofNullable(byTenant.get(tenantId));
    }

    public int tenants() {
        return byTenant.size();
    }
}
