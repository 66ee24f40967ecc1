package com.cpsync.inbound.adapter.out.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import com.cpsync.inbound.application.Connection;
import com.cpsync.inbound.application.QboReadFailedException;
import com.cpsync.inbound.application.QboReads;
import com.cpsync.inbound.domain.change.QboEntity;
import com.cpsync.inbound.domain.webhook.LenientTimestamps;
import com.cpsync.qbo.client.CdcResult;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.QboCredentials;
import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.qbo.client.RealmBusyException;
import com.cpsync.syncsupport.mapping.TenantNotConnected;
import com.cpsync.syncsupport.token.AccessTokens;

/**
 * Metered QBO reads through qbo-client (and its per-realm limiter), with the tenant's access token
 * from the shared per-tenant cache. Metered calls are counted by the client's call listener ({@code qbo_inbound_reads_total}).
 */
public record QboClientReads(QboClient qbo, AccessTokens tokens) implements QboReads {

    private static final int ATTEMPTS = 4;
    /** The longest this thread waits for a realm; anything longer parks the realm instead. */
    private static final Duration INLINE_WAIT_MAX = Duration.ofSeconds(1);

    @Override
    public Optional<String> read(Connection connection, QboEntity entityType, String id) {
        try {
            JsonNode entity = call(connection, "read", credentials -> qbo.read(credentials, entityType.qboName(), id));
            return Optional.of(entity.toString());
        }
        catch (QboFaultException ex) {
            if (ex.isNotFound()) {
                return Optional.empty();
            }
            throw ex;
        }
    }

    @Override
    public CdcPage cdc(Connection connection, Collection<QboEntity> entities, Instant changedSince) {
        List<String> names = entities.stream().map(QboEntity::qboName).toList();
        CdcResult result = call(connection, "cdc", credentials -> qbo.cdc(credentials, names, changedSince));
        List<CdcObject> objects = new ArrayList<>();
        for (QboEntity entityType : entities) {
            for (JsonNode entity : result.entities(entityType.qboName())) {
                Instant lastUpdated = LenientTimestamps.parse(entity.path("MetaData").path("LastUpdatedTime").asString(""))
                        .orElse(result.time());
                Instant createdAt = LenientTimestamps.parse(entity.path("MetaData").path("CreateTime").asString(""))
                        .orElse(null);
                objects.add(new CdcObject(entityType, entity.path("Id").asString(), entity.toString(),
                        CdcResult.isDeleted(entity), lastUpdated, createdAt));
            }
        }
        return new CdcPage(result.time(), objects);
    }

    private <T> T call(Connection connection, String kind, Function<QboCredentials, T> request) {
        try {
            return attempt(connection, request);
        }
        catch (QboFaultException fault) {
            if (fault.isNotFound() || fault.isTransient() || fault.isThrottled()) {
                throw fault;
            }
            throw new QboReadFailedException("QBO refused the " + kind + ": " + fault.getMessage(), fault.code(), fault);
        }
        catch (TenantNotConnected disconnected) {
            throw new QboReadFailedException("the tenant's QBO connection is disconnected", null, disconnected);
        }
    }

    private <T> T attempt(Connection connection, Function<QboCredentials, T> request) {
        String token = tokens.current(connection.tenantId()).accessToken();
        boolean renewed = false;
        for (int attempt = 1; ; attempt++) {
            QboCredentials credentials = new QboCredentials(connection.realmId(), token);
            try {
                return request.apply(credentials);
            }
            catch (RealmBusyException busy) {
                pause(inlinePause(busy, attempt).orElseThrow(() -> busy));
            }
            catch (QboFaultException fault) {
                if (fault.isAuthentication() && !renewed) {
                    token = tokens.renew(connection.tenantId(), token).accessToken();
                    renewed = true;
                }
                else {
                    pause(inlinePause(fault, attempt).orElseThrow(() -> fault));
                }
            }
        }
    }

    /**
     * How long to wait here before trying again, or empty to give up now. A throttle is never retried
     * here: QBO asks for 60 s (or its Retry-After), so the caller parks the realm and this thread serves
     * other realms. Other transient faults get a short pause, unless they ask for a longer one.
     */
    static Optional<Duration> inlinePause(QboFaultException fault, int attempt) {
        if (!fault.isTransient() || fault.isThrottled() || attempt >= ATTEMPTS) {
            return Optional.empty();
        }
        Optional<Duration> asked = fault.retryAfter();
        if (asked.isPresent()) {
            return asked.get().compareTo(INLINE_WAIT_MAX) <= 0 ? asked : Optional.empty();
        }
        return Optional.of(Duration.ofMillis(250L * attempt));
    }

    /** The client's own limiter: a short wait (the per-second window) here, a longer one parks the realm. */
    static Optional<Duration> inlinePause(RealmBusyException busy, int attempt) {
        return attempt >= ATTEMPTS || busy.retryAfter().compareTo(INLINE_WAIT_MAX) > 0 ? Optional.empty()
                : Optional.of(busy.retryAfter());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for QBO", ex);
        }
    }
}
