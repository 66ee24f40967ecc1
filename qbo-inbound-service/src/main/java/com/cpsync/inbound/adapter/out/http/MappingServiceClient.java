package com.cpsync.inbound.adapter.out.http;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;

import com.cpsync.inbound.application.Connection;
import com.cpsync.inbound.application.MappingDirectory;

/** mapping-service HTTP API (docs/contracts.md), blocking: it is called from listener and poller threads. */
public class MappingServiceClient implements MappingDirectory {

    record ConnectionJson(String tenantId, String realmId, String status, String accessTokenExpiresAt) {
        Connection toConnection() {
            return new Connection(tenantId, realmId, "CONNECTED".equals(status));
        }
    }

    record LinkJson(String tenantId, String entityType, String centerpointId, String qboId, String createdAt) {
    }

    record WriteJson(String qboEntity, String qboId, String syncToken, String writtenAt) {
    }

    record NewerJson(boolean newer) {
    }

    record RepointedJson(int repointed) {
    }

    record CursorJson(String changedSince) {
    }

    /** An access token as mapping-service hands it out. */
    public record AccessTokenJson(String realmId, String accessToken, String expiresAt) {
    }

    private final RestClient http;

    public MappingServiceClient(RestClient http) {
        this.http = http;
    }

    @Override
    public Optional<Connection> connectionOfRealm(String realmId) {
        return orEmptyOn404(() -> http.get().uri("/realms/{realmId}/connection", realmId).retrieve()
                .body(ConnectionJson.class)).map(ConnectionJson::toConnection);
    }

    @Override
    public List<Connection> connections() {
        ConnectionJson[] all = http.get().uri("/connections").retrieve().body(ConnectionJson[].class);
        return all == null ? List.of() : Arrays.stream(all).map(ConnectionJson::toConnection)
                .filter(Connection::connected).toList();
    }

    @Override
    public Optional<String> centerpointIdOf(String tenantId, String entityType, String qboId) {
        return orEmptyOn404(() -> http.get().uri("/tenants/{t}/links/{e}?qboId={q}", tenantId, entityType, qboId)
                .retrieve().body(LinkJson.class)).map(LinkJson::centerpointId);
    }

    @Override
    public void link(String tenantId, String entityType, String centerpointId, String qboId) {
        try {
            http.put().uri("/tenants/{t}/links/{e}/{c}", tenantId, entityType, centerpointId)
                    .contentType(MediaType.APPLICATION_JSON).body(Map.of("qboId", qboId)).retrieve().toBodilessEntity();
        }
        catch (HttpClientErrorException.Conflict alreadyLinked) {
            // the link exists (a replay of the same decision): nothing to record
        }
    }

    @Override
    public int repoint(String tenantId, String entityType, String fromQboId, String toQboId) {
        RepointedJson result = http.post().uri("/tenants/{t}/links/{e}/repoint", tenantId, entityType)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("fromQboId", fromQboId, "toQboId", toQboId))
                .retrieve().body(RepointedJson.class);
        return result == null ? 0 : result.repointed();
    }

    @Override
    public Optional<String> ourSyncToken(String realmId, String qboEntity, String qboId) {
        return orEmptyOn404(() -> http.get().uri("/realms/{r}/writes/{e}/{id}", realmId, qboEntity, qboId)
                .retrieve().body(WriteJson.class)).map(WriteJson::syncToken);
    }

    @Override
    public boolean markApplied(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken) {
        Map<String, Object> body = syncToken == null
                ? Map.of("qboEntity", qboEntity, "qboId", qboId, "lastUpdated", lastUpdated.toString())
                : Map.of("qboEntity", qboEntity, "qboId", qboId, "lastUpdated", lastUpdated.toString(),
                        "syncToken", syncToken);
        NewerJson result = http.post().uri("/realms/{r}/applied-changes", realmId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(NewerJson.class);
        return result != null && result.newer();
    }

    @Override
    public Optional<Instant> cdcCursor(String realmId) {
        return orEmptyOn404(() -> http.get().uri("/realms/{r}/cdc-cursor", realmId).retrieve()
                .body(CursorJson.class)).map(cursor -> Instant.parse(cursor.changedSince()));
    }

    @Override
    public void saveCdcCursor(String realmId, Instant changedSince) {
        http.put().uri("/realms/{r}/cdc-cursor", realmId).contentType(MediaType.APPLICATION_JSON)
                .body(Map.of("changedSince", changedSince.toString())).retrieve().toBodilessEntity();
    }

    /** A token for the tenant's realm; after a 401 pass the rejected one to force a refresh. */
    public AccessTokenJson accessToken(String tenantId, String rejectedAccessToken) {
        Map<String, String> body = rejectedAccessToken == null ? Map.of()
                : Map.of("rejectedAccessToken", rejectedAccessToken);
        return http.post().uri("/tenants/{t}/connection/access-token", tenantId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(AccessTokenJson.class);
    }

    private static <T> Optional<T> orEmptyOn404(Supplier<T> call) {
        try {
            return Optional.ofNullable(call.get());
        }
        catch (HttpClientErrorException ex) {
            if (ex.getStatusCode().isSameCodeAs(HttpStatus.NOT_FOUND)) {
                return Optional.empty();
            }
            throw ex;
        }
    }
}
