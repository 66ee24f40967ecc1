package com.cpsync.outbound.adapter.in.kafka;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.avro.specific.SpecificRecord;

import com.cpsync.outbound.application.port.SettingsLookup;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.schemas.avro.SyncSettings;

/** The latest settings per tenant, fed by the replayed compacted settings topic; tombstone → none. */
public class SettingsMemory implements SettingsLookup {

    private final Map<String, OutboundSettings> byTenant = new ConcurrentHashMap<>();

    public void onRecord(String tenantId, SpecificRecord value) {
        if (value == null) {
            byTenant.remove(tenantId);
        }
        else {
            byTenant.put(tenantId, SyncSettingsAvroMapper.toDomain((SyncSettings) value));
        }
    }

    @Override
    public OutboundSettings forTenant(String tenantId) {
        return byTenant.getOrDefault(tenantId, OutboundSettings.none());
    }
}
