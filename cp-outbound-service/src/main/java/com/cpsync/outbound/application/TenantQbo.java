package com.cpsync.outbound.application;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.QboGateway.QboUnauthorized;
import com.cpsync.outbound.application.port.QboGateway.Version;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.invoices.InvoiceInQbo;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.syncsupport.token.AccessTokens;

/**
 * QBO calls on behalf of a tenant: the access token comes from the shared per-tenant cache, and a 401
 * asks mapping-service once for a fresh token (naming the rejected one) and retries.
 * Writes also leave their SyncToken in mapping-service, so later updates never need a read.
 */
public class TenantQbo {

    private static final int REREAD_TOKENS_KEPT = 10_000;

    private final QboGateway qbo;
    private final MappingGateway mapping;
    private final AccessTokens tokens;
    /** The realm of each tenant's connection answer, when no grant was seen (a realm outlives its tokens). */
    private final Map<String, String> realms = new ConcurrentHashMap<>();
    /**
     * SyncTokens read after a 5010 whose retried update did not get through (a busy realm parked the event): the
     * event's next attempt starts from them instead of meeting the same 5010 again. Never recorded as our write,
     * which would make qbo-inbound take the person's change that made the token for our echo. Dropped at the
     * next write of the object; bounded, as a cache (a token lost here costs one more 5010).
     */
    private final Map<String, String> reread = Recent.map(REREAD_TOKENS_KEPT);

    public TenantQbo(QboGateway qbo, MappingGateway mapping, Clock clock) {
        this.qbo = qbo;
        this.mapping = mapping;
        this.tokens = new AccessTokens(mapping, clock);
    }

    /** The tenant's realm (fetching a token if none is cached; a disconnected tenant must wait). */
    public String realmOf(String tenantId) {
        return tokens.current(tenantId).realmId();
    }

    /**
     * The tenant's realm as last seen, for outcomes: never fetches a token, so a skipped event of a
     * disconnected tenant does not wait. Asks mapping-service's connection once when no grant was seen.
     */
    public Optional<String> knownRealm(String tenantId) {
        Optional<String> known = tokens.lastRealm(tenantId).or(() -> Optional.ofNullable(realms.get(tenantId)));
        if (known.isPresent()) {
            return known;
        }
        Optional<String> connected = mapping.connectedRealm(tenantId);
        connected.ifPresent(realmId -> realms.put(tenantId, realmId));
        return connected;
    }

    public List<QboName> findNamesLike(String tenantId, String entity, String name) {
        return withToken(tenantId, grant -> qbo.findNamesLike(grant.realmId(), grant.accessToken(), entity, name));
    }

    /** The name in each of the lists, looked up at once. */
    public List<QboName> findNamesLikeInEach(String tenantId, List<String> entities, String name) {
        return withToken(tenantId, grant -> qbo.findNamesLikeInEach(grant.realmId(), grant.accessToken(), entities,
                name));
    }

    public List<InvoiceInQbo> findInvoices(String tenantId, String docNumber) {
        return withToken(tenantId, grant -> qbo.findInvoices(grant.realmId(), grant.accessToken(), docNumber));
    }

    /**
     * Sparse update with the current SyncToken; on 5010 (stale object) re-reads the token, re-applies
     * the change and retries, twice at most.
     */
    public Version updateWithCurrentToken(String tenantId, String entity, String qboId,
            Function<String, QboWrite> writeForToken) {
        String rereadKey = realmOf(tenantId) + "|" + entity + "|" + qboId;
        String known = reread.get(rereadKey);
        String syncToken = known != null ? known : currentSyncToken(tenantId, entity, qboId);
        for (int attempt = 0; ; attempt++) {
            try {
                Version updated = update(tenantId, writeForToken.apply(syncToken));
                reread.remove(rereadKey);
                return updated;
            }
            catch (QboGateway.QboRefused ex) {
                if (!ex.staleObject() || attempt >= 2) {
                    reread.remove(rereadKey);
                    throw ex;
                }
                syncToken = read(tenantId, entity, qboId).syncToken();
                reread.put(rereadKey, syncToken);
            }
        }
    }

    public Version read(String tenantId, String entity, String id) {
        return withToken(tenantId, grant -> qbo.read(grant.realmId(), grant.accessToken(), entity, id));
    }

    public Version create(String tenantId, QboWrite write, String requestId) {
        Version created = withToken(tenantId,
                grant -> qbo.create(grant.realmId(), grant.accessToken(), write, requestId));
        remember(tenantId, write.entity(), created);
        return created;
    }

    /**
     * Creates a customer, job or numbered invoice that qbo-inbound must recognise as this record's even when
     * the reply is lost: announced first, linked after, then withdrawn. A refusal withdraws it (nothing was made), except
     * 6240: the name may be taken by an earlier attempt of this very create whose reply was lost (another
     * instance's, during a rebalance), which qbo-inbound must still recognise. An ambiguous failure leaves it
     * standing for the retry (which announces again, and withdraws when done).
     *
     * @param displayName a customer's or job's name, an invoice's DocNumber
     * @param parentQboId the parent customer of a job, the customer of an invoice; null for a company
     */
    public String createAnnounced(String tenantId, EntityKind kind, String centerpointId, QboWrite write,
            String displayName, String parentQboId, String requestId) {
        String realmId = realmOf(tenantId);
        mapping.announceCreate(realmId, tenantId, kind, centerpointId, displayName, parentQboId);
        String qboId;
        try {
            qboId = create(tenantId, write, requestId).id();
        }
        catch (QboGateway.QboRefused refused) {
            if (!refused.duplicateName()) {
                mapping.withdrawCreate(realmId, kind, centerpointId);
            }
            throw refused;
        }
        linkFound(tenantId, kind, centerpointId, qboId);
        return qboId;
    }

    /** Links a customer or job found in QBO; an earlier attempt's announcement is no longer needed. */
    public void linkFound(String tenantId, EntityKind kind, String centerpointId, String qboId) {
        mapping.putLink(tenantId, kind, centerpointId, qboId);
        mapping.withdrawCreate(realmOf(tenantId), kind, centerpointId);
    }

    public Version update(String tenantId, QboWrite write) {
        Version updated = withToken(tenantId, grant -> qbo.update(grant.realmId(), grant.accessToken(), write));
        remember(tenantId, write.entity(), updated);
        return updated;
    }

    /** The SyncToken of our last write of this object, else of a fresh read. */
    public String currentSyncToken(String tenantId, String entity, String qboId) {
        String realmId = realmOf(tenantId);
        return mapping.lastSyncToken(realmId, entity, qboId)
                .orElseGet(() -> read(tenantId, entity, qboId).syncToken());
    }

    private void remember(String tenantId, String entity, Version written) {
        mapping.recordWrite(realmOf(tenantId), tenantId, entity, written.id(), written.syncToken());
    }

    private <T> T withToken(String tenantId, Function<AccessGrant, T> call) {
        AccessGrant grant = tokens.current(tenantId);
        try {
            return call.apply(grant);
        }
        catch (QboUnauthorized ex) {
            return call.apply(tokens.renew(tenantId, grant.accessToken()));
        }
    }
}
