package com.cpsync.syncsupport.mapping.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.HttpClientErrorException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

import com.cpsync.syncsupport.auth.ServiceTokens;
import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.syncsupport.mapping.AnnouncedCreate;
import com.cpsync.syncsupport.mapping.CoalescedLinkLookups;
import com.cpsync.syncsupport.mapping.EntityLink;
import com.cpsync.syncsupport.mapping.LinkClash;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.MappingServiceRefused;
import com.cpsync.syncsupport.mapping.MappingServiceUnavailable;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.mapping.OurWrite;
import com.cpsync.syncsupport.mapping.TenantConnection;
import com.cpsync.syncsupport.mapping.TenantNotConnected;
import com.cpsync.syncsupport.token.AccessTokenSource;

/**
 * The one client of mapping-service's HTTP API (docs/contracts.md). Blocking: both services call it
 * from worker, listener and poller threads. 404 on a lookup is "absent"; every other status maps as
 * the {@code mapping} package says, so callers never see an HTTP exception.
 */
public class MappingServiceClient implements AccessTokenSource, CoalescedLinkLookups.LinkSource {

    private final RestClient http;

    public MappingServiceClient(RestClient http) {
        this.http = http;
    }

    /**
     * A client over the JDK HttpClient with a bounded connect time; every request carries this service's JWT
     * (mapping-service refuses calls without one).
     */
    public static MappingServiceClient of(URI baseUrl, ServiceTokens credential) {
        return of(baseUrl, credential, RestClient.builder());
    }

    /**
     * The same on a builder the caller prepared, e.g. with an {@code ObservationRegistry} so that every call
     * is a client span and carries the trace context ({@code traceparent}) to mapping-service.
     */
    public static MappingServiceClient of(URI baseUrl, ServiceTokens credential, RestClient.Builder builder) {
        HttpClient jdk = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        return new MappingServiceClient(builder.baseUrl(baseUrl.toString())
                .requestFactory(new JdkClientHttpRequestFactory(jdk))
                .requestInterceptor((request, body, execution) -> {
                    credential.authorization().ifPresent(value -> request.getHeaders().set(HttpHeaders.AUTHORIZATION,
                            value));
                    return execution.execute(request, body);
                }).build());
    }

    // ---- links

    @Override
    public Optional<EntityLink> findLink(String tenantId, LinkedEntity entity, String centerpointId) {
        return absentOn404("find link", () -> http.get()
                .uri("/tenants/{t}/links/{e}/{c}", tenantId, entity.name(), centerpointId)
                .retrieve().body(Wire.LinkJson.class)).map(Wire.LinkJson::toLink);
    }

    /** The links of those of {@code centerpointIds} that have one, by Centerpoint id, in one call (≤ 500 ids). */
    @Override
    public Map<String, EntityLink> findLinks(String tenantId, LinkedEntity entity, Collection<String> centerpointIds) {
        Wire.LookupJson answer = call("look up links", () -> http.post()
                .uri("/tenants/{t}/links/{e}/lookup", tenantId, entity.name())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("centerpointIds", List.copyOf(centerpointIds)))
                .retrieve().body(Wire.LookupJson.class));
        return answer.links().stream().map(Wire.LinkJson::toLink)
                .collect(Collectors.toMap(EntityLink::centerpointId, link -> link));
    }

    public Optional<EntityLink> findLinkByQboId(String tenantId, LinkedEntity entity, String qboId) {
        return absentOn404("find link by QBO id", () -> http.get()
                .uri("/tenants/{t}/links/{e}?qboId={q}", tenantId, entity.name(), qboId)
                .retrieve().body(Wire.LinkJson.class)).map(Wire.LinkJson::toLink);
    }

    /** Idempotent for the same pair; a {@link LinkClash} when either id is linked to another. */
    public void putLink(String tenantId, LinkedEntity entity, String centerpointId, String qboId) {
        call("put link", () -> {
            try {
                return http.put().uri("/tenants/{t}/links/{e}/{c}", tenantId, entity.name(), centerpointId)
                        .contentType(MediaType.APPLICATION_JSON).body(Map.of("qboId", qboId))
                        .retrieve().toBodilessEntity();
            }
            catch (HttpClientErrorException.Conflict clash) {
                throw new LinkClash(entity, centerpointId, qboId, Wire.message(clash), clash);
            }
        });
    }

    /** After a QBO merge: every link to {@code fromQboId} points at {@code toQboId}; how many moved. */
    public int repoint(String tenantId, LinkedEntity entity, String fromQboId, String toQboId) {
        Wire.RepointedJson moved = call("repoint links", () -> http.post()
                .uri("/tenants/{t}/links/{e}/repoint", tenantId, entity.name())
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("fromQboId", fromQboId, "toQboId", toQboId))
                .retrieve().body(Wire.RepointedJson.class));
        return moved == null ? 0 : moved.repointed();
    }

    // ---- match before create

    public MatchDecision matchCustomer(String tenantId, MatchRequest request) {
        Wire.DecisionJson answer = call("match customer", () -> http.post()
                .uri("/tenants/{t}/customer-matches", tenantId).contentType(MediaType.APPLICATION_JSON)
                .body(Wire.MatchJson.of(request)).retrieve().body(Wire.DecisionJson.class));
        return Wire.decision(answer, request);
    }

    // ---- what we wrote (echo suppression) and what we applied (inbound ordering)

    /** @param traceId the trace of the work that wrote it (its echo's outcome carries it); null when untraced */
    public void recordWrite(String realmId, String tenantId, String qboEntity, String qboId, String syncToken,
            String traceId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("tenantId", tenantId);
        body.put("qboEntity", qboEntity);
        body.put("qboId", qboId);
        body.put("syncToken", syncToken);
        if (traceId != null) {
            body.put("traceId", traceId);
        }
        call("record write", () -> http.post().uri("/realms/{r}/writes", realmId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toBodilessEntity());
    }

    /** The SyncToken of our last write of this object; empty when we never wrote it. */
    public Optional<String> lastSyncToken(String realmId, String qboEntity, String qboId) {
        return lastWrite(realmId, qboEntity, qboId).map(OurWrite::syncToken);
    }

    /** Our last write of this object (SyncToken and trace); empty when we never wrote it. */
    public Optional<OurWrite> lastWrite(String realmId, String qboEntity, String qboId) {
        return absentOn404("read write record", () -> http.get()
                .uri("/realms/{r}/writes/{e}/{id}", realmId, qboEntity, qboId)
                .retrieve().body(Wire.WriteJson.class)).map(write -> new OurWrite(write.syncToken(), write.traceId()));
    }

    /** Stores the change as applied when it is newer than the stored one; true when it was newer. */
    public boolean markApplied(String realmId, String qboEntity, String qboId, Instant lastUpdated, String syncToken) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("qboEntity", qboEntity);
        body.put("qboId", qboId);
        body.put("lastUpdated", lastUpdated.toString());
        if (syncToken != null) {
            body.put("syncToken", syncToken);
        }
        Wire.NewerJson answer = call("mark applied", () -> http.post().uri("/realms/{r}/applied-changes", realmId)
                .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Wire.NewerJson.class));
        return answer != null && answer.newer();
    }

    // ---- creates announced before they are sent (a lost reply is recognised by the other direction)

    public void announceCreate(String realmId, AnnouncedCreate create) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("tenantId", create.tenantId());
        body.put("displayName", create.displayName());
        if (create.parentQboId() != null) {
            body.put("parentQboId", create.parentQboId());
        }
        call("announce create", () -> http.put().uri("/realms/{r}/announced-creates/{e}/{c}", realmId,
                create.entity().name(), create.centerpointId()).contentType(MediaType.APPLICATION_JSON).body(body)
                .retrieve().toBodilessEntity());
    }

    public void withdrawCreate(String realmId, LinkedEntity entity, String centerpointId) {
        call("withdraw create", () -> http.delete().uri("/realms/{r}/announced-creates/{e}/{c}", realmId,
                entity.name(), centerpointId).retrieve().toBodilessEntity());
    }

    /** The realm's fresh announced creates of that exact display name. */
    public List<AnnouncedCreate> announcedCreates(String realmId, String displayName) {
        return announced("find announced creates", () -> http.get()
                .uri("/realms/{r}/announced-creates?displayName={n}", realmId, displayName)
                .retrieve().body(Wire.AnnouncedJson[].class));
    }

    /** The realm's fresh announced creates of one entity type. */
    public List<AnnouncedCreate> announcedCreatesOf(String realmId, LinkedEntity entity) {
        return announced("list announced creates", () -> http.get()
                .uri("/realms/{r}/announced-creates?entityType={e}", realmId, entity.name())
                .retrieve().body(Wire.AnnouncedJson[].class));
    }

    private static List<AnnouncedCreate> announced(String what, Supplier<Wire.AnnouncedJson[]> request) {
        Wire.AnnouncedJson[] all = call(what, request);
        return all == null ? List.of() : Arrays.stream(all).map(Wire.AnnouncedJson::toAnnounced).toList();
    }

    /** The fingerprint of the command last sent to Centerpoint for this QBO entity; empty when none. */
    public Optional<String> appliedPayload(String realmId, String qboEntity, String qboId) {
        return absentOn404("read applied payload", () -> http.get()
                .uri("/realms/{r}/applied-payloads/{e}/{id}", realmId, qboEntity, qboId)
                .retrieve().body(Wire.PayloadJson.class)).map(Wire.PayloadJson::payloadHash);
    }

    public void saveAppliedPayload(String realmId, String qboEntity, String qboId, String payloadHash) {
        call("save applied payload", () -> http.put().uri("/realms/{r}/applied-payloads/{e}/{id}", realmId,
                qboEntity, qboId).contentType(MediaType.APPLICATION_JSON).body(Map.of("payloadHash", payloadHash))
                .retrieve().toBodilessEntity());
    }

    public Optional<Instant> cdcCursor(String realmId) {
        return absentOn404("read CDC cursor", () -> http.get().uri("/realms/{r}/cdc-cursor", realmId)
                .retrieve().body(Wire.CursorJson.class)).map(cursor -> Instant.parse(cursor.changedSince()));
    }

    public void saveCdcCursor(String realmId, Instant changedSince) {
        call("save CDC cursor", () -> http.put().uri("/realms/{r}/cdc-cursor", realmId)
                .contentType(MediaType.APPLICATION_JSON).body(Map.of("changedSince", changedSince.toString()))
                .retrieve().toBodilessEntity());
    }

    // ---- connections and tokens

    public Optional<TenantConnection> connectionOfTenant(String tenantId) {
        return absentOn404("read connection", () -> http.get().uri("/tenants/{t}/connection", tenantId)
                .retrieve().body(Wire.ConnectionJson.class)).map(Wire.ConnectionJson::toConnection);
    }

    public Optional<TenantConnection> connectionOfRealm(String realmId) {
        return absentOn404("read connection of realm", () -> http.get().uri("/realms/{r}/connection", realmId)
                .retrieve().body(Wire.ConnectionJson.class)).map(Wire.ConnectionJson::toConnection);
    }

    /** Every connection mapping-service lists (the connected ones). */
    public List<TenantConnection> connections() {
        Wire.ConnectionJson[] all = call("list connections", () -> http.get().uri("/connections").retrieve()
                .body(Wire.ConnectionJson[].class));
        return all == null ? List.of() : Arrays.stream(all).map(Wire.ConnectionJson::toConnection).toList();
    }

    /**
     * A valid access token of the tenant's realm; name the token QBO just rejected (401) to force a
     * refresh. {@link TenantNotConnected} when there is no connection or it is dead.
     */
    @Override
    public AccessGrant accessToken(String tenantId, String rejectedAccessToken) {
        Map<String, String> body = rejectedAccessToken == null ? Map.of()
                : Map.of("rejectedAccessToken", rejectedAccessToken);
        Wire.GrantJson grant = call("get access token", () -> {
            try {
                return http.post().uri("/tenants/{t}/connection/access-token", tenantId)
                        .contentType(MediaType.APPLICATION_JSON).body(body).retrieve().body(Wire.GrantJson.class);
            }
            catch (HttpClientErrorException.Conflict | HttpClientErrorException.NotFound notConnected) {
                throw new TenantNotConnected(tenantId, notConnected);
            }
        });
        return grant.toGrant();
    }

    private static <T> Optional<T> absentOn404(String what, Supplier<T> request) {
        return call(what, () -> {
            try {
                return Optional.ofNullable(request.get());
            }
            catch (HttpClientErrorException.NotFound absent) {
                return Optional.empty();
            }
        });
    }

    /** The one mapping of statuses: 4xx refused (a bug or bad data), transport and 5xx unavailable. */
    private static <T> T call(String what, Supplier<T> request) {
        try {
            return request.get();
        }
        catch (HttpClientErrorException ex) {
            throw new MappingServiceRefused("mapping-service refused to " + what + ": "
                    + ex.getStatusCode().value() + " " + Wire.message(ex), ex);
        }
        catch (RestClientException ex) {
            throw new MappingServiceUnavailable("mapping-service unavailable (" + what + "): " + ex.getMessage(), ex);
        }
    }
}
