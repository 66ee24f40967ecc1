package com.cpsync.inbound.adapter.in.kafka;

import java.time.Duration;
import java.util.Optional;

import com.cpsync.inbound.application.SettingsDirectory;
import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.syncsupport.kafka.ReplayedTopicReader;
import com.cpsync.syncsupport.settings.TenantSettings;

/**
 * The tenants' settings as the replayed compacted settings topic has them. Changes are not processed
 * before the topic was read to its end once, so a restart never syncs with missing settings.
 */
public class ReplayedSettingsDirectory implements SettingsDirectory {

    private static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(2);

    private final TenantSettings<InboundSettings> settings;
    private final ReplayedTopicReader<?> reader;

    public ReplayedSettingsDirectory(TenantSettings<InboundSettings> settings, ReplayedTopicReader<?> reader) {
        this.settings = settings;
        this.reader = reader;
    }

    @Override
    public Optional<InboundSettings> of(String tenantId) {
        return settings.of(tenantId);
    }

    @Override
    public void awaitCaughtUp() {
        reader.awaitCaughtUp(CATCH_UP_TIMEOUT);
    }
}
