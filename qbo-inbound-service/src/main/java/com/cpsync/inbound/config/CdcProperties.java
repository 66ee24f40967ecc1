package com.cpsync.inbound.config;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import com.cpsync.inbound.domain.change.QboEntity;

/**
 * The CDC poller.
 *
 * @param enabled       off in tests that drive polls themselves
 * @param interval      time between polls of every connected realm (also polled at start-up)
 * @param firstLookBack how far back a realm without a cursor is polled the first time
 * @param overlap       the next poll reaches this far before QBO's response time
 * @param entities      QBO entity names polled
 */
@ConfigurationProperties("app.cdc")
public record CdcProperties(@DefaultValue("true") boolean enabled, @DefaultValue("60s") Duration interval,
        @DefaultValue("1h") Duration firstLookBack, @DefaultValue("30s") Duration overlap,
        @DefaultValue({"Customer", "Invoice", "Payment"}) List<String> entities) {

    /** The polled entities, read once at start-up: a name QBO does not have stops the start with the reason. */
    public List<QboEntity> qboEntities() {
        return entities.stream().map(name -> QboEntity.ofQboName(name).orElseThrow(
                () -> new IllegalArgumentException("app.cdc.entities: unknown QBO entity '" + name + "'"))).toList();
    }
}
