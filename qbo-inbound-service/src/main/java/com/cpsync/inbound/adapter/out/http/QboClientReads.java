package com.cpsync.inbound.adapter.out.http;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import org.springframework.web.client.HttpClientErrorException;

import com.cpsync.inbound.adapter.out.http.MappingServiceClient.AccessTokenJson;
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

/**
 * Metered QBO reads through qbo-client (and its per-realm limiter), with the tenant's access token
 * from mapping-service. Metered calls are counted by the client's call listener ({@code qbo_inbound_reads_total}).
 */
public class QboClientReads implements QboReads {

    private static final int ATTEMPTS = 4;
    private static final Duration TOKEN_MARGIN = Duration.ofMinutes(1);

    private final QboClient qbo;
    private final MappingServiceClient mapping;
    private final Map<String, AccessTokenJson> tokens = new ConcurrentHashMap<>();

    public QboClientReads(QboClient qbo, MappingServiceClient mapping) {
        this.qbo = qbo;
        this.mapping = mapping;
    }

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
        catch (HttpClientErrorException.Conflict disconnected) {
            throw new QboReadFailedException("the tenant's QBO connection is disconnected", null, disconnected);
        }
    }

    private <T> T attempt(Connection connection, Function<QboCredentials, T> request) {
        String rejected = null;
        for (int attempt = 1; ; attempt++) {
            QboCredentials credentials = new QboCredentials(connection.realmId(), token(connection, rejected));
            try {
                return request.apply(credentials);
            }
            catch (RealmBusyException busy) {
                if (attempt >= ATTEMPTS) {
                    throw busy;
                }
                pause(busy.retryAfter());
            }
            catch (QboFaultException fault) {
                if (fault.isAuthentication() && rejected == null) {
                    rejected = credentials.accessToken();
                    tokens.remove(connection.tenantId());
                }
                else if (fault.isTransient() && attempt < ATTEMPTS) {
                    pause(fault.retryAfter().orElse(Duration.ofMillis(250L * attempt)));
                }
                else {
                    throw fault;
                }
            }
        }
    }

    private String token(Connection connection, String rejected) {
        AccessTokenJson cached = tokens.get(connection.tenantId());
        if (rejected == null && cached != null
                && Instant.parse(cached.expiresAt()).isAfter(Instant.now().plus(TOKEN_MARGIN))) {
            return cached.accessToken();
        }
        AccessTokenJson fresh = mapping.accessToken(connection.tenantId(), rejected);
        tokens.put(connection.tenantId(), fresh);
        return fresh.accessToken();
    }

    private static void pause(Duration duration) {
        try {
            // bounded: a throttled realm must not hold the listener for a minute; the container retries later
            Thread.sleep(Math.min(duration.toMillis(), 2_000));
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for QBO", ex);
        }
    }
}
