package com.cpsync.outbound.application.port;

import com.cpsync.outbound.domain.settings.OutboundSettings;

/** The latest settings per tenant; {@link OutboundSettings#none()} for a tenant without any. */
public interface SettingsLookup {

    OutboundSettings forTenant(String tenantId);
}
