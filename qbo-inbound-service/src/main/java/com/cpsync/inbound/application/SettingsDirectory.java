package com.cpsync.inbound.application;

import java.util.Optional;

import com.cpsync.inbound.domain.decision.InboundSettings;

/** The tenants' sync settings, as last published on the compacted settings topic. */
public interface SettingsDirectory {

    /** Empty when the tenant has no settings record (or a tombstone): nothing syncs. */
    Optional<InboundSettings> of(String tenantId);

    /** Blocks until the settings topic was read up to its end at start-up. */
    void awaitCaughtUp();
}
