package com.cpsync.outbound.adapter.in.kafka;

import com.cpsync.outbound.application.port.SettingsLookup;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.syncsupport.settings.TenantSettings;

/** The latest outbound settings per tenant, fed by the replayed compacted settings topic; none without a record. */
public class SettingsMemory extends TenantSettings<OutboundSettings> implements SettingsLookup {

    public SettingsMemory() {
        super(SyncSettingsAvroMapper::toDomain);
    }

    @Override
    public OutboundSettings forTenant(String tenantId) {
        return of(tenantId).orElseGet(OutboundSettings::none);
    }
}
