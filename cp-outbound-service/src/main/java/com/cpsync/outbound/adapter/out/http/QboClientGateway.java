package com.cpsync.outbound.adapter.out.http;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import tools.jackson.databind.JsonNode;
import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.outbound.domain.invoices.InvoiceInQbo;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.qbo.client.BatchingQboCalls;
import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.QboCredentials;
import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.qbo.client.QboQuery;
import com.cpsync.qbo.client.RealmBusyException;

/**
 * QBO through qbo-client (which takes a per-realm rate-limiter permit before every call), inside a
 * per-realm resilience4j circuit breaker named {@code qbo-<realmId>}; {@link QboJsonMapper} builds and
 * reads the JSON. Faults are translated for the application: 401 → {@link QboUnauthorized}; 429, 5xx,
 * I/O, busy limiter, open breaker → {@code TenantMustWait}; anything else → {@link QboRefused} with
 * QBO's code and message.
 * <p>
 * Every call goes through {@link BatchingQboCalls}: creates, updates and queries of a realm that wait while its
 * sends are in flight share one {@code /batch} request (with batching off, each its own single call, still in
 * turn); each caller still gets, and translates, exactly what its single call would have given, inside the same
 * breaker.
 */
public class QboClientGateway implements QboGateway {

    private final QboClient liveClient;
    private final BatchingQboCalls batching;
    private final CircuitBreakerRegistry breakers;
    private final Supplier<CallPriority> priority;

    /** @param priority the priority of the work this thread does now (a backlog leaves a reserve to live work) */
    public QboClientGateway(BatchingQboCalls batching, CircuitBreakerRegistry breakers,
            Supplier<CallPriority> priority) {
        this.liveClient = batching.client();
        this.batching = batching;
        this.breakers = breakers;
        this.priority = priority;
    }

    /** The coalescing of calls (to watch a realm's waiting calls). */
    public BatchingQboCalls batching() {
        return batching;
    }

    private QboClient client(CallPriority at) {
        return at == CallPriority.LIVE ? liveClient : liveClient.at(at);
    }

    @Override
    public List<QboName> findNamesLike(String realmId, String accessToken, String entity, String name) {
        return namesLike(priority.get(), realmId, accessToken, entity, name);
    }

    /**
     * The lookups are submitted together, so one sender takes them into one batch request (one token, one round
     * trip, live and backlog alike: a backlog taking three tokens at once would outwait the budget's short wait and
     * fail the event again and again, chaos run 7, reliability finding 10). The first failure is the answer.
     */
    @Override
    public List<QboName> findNamesLikeInEach(String realmId, String accessToken, List<String> entities,
            String name) {
        CallPriority at = priority.get();
        List<String> queries = entities.stream().map(entity -> QboQuery.nameListLike(entity, name)).toList();
        List<List<JsonNode>> found = call(realmId,
                () -> batching.queries(at, credentials(realmId, accessToken), queries));
        List<QboName> names = new ArrayList<>();
        for (int i = 0; i < entities.size(); i++) {
            String entity = entities.get(i);
            found.get(i).forEach(entry -> names.add(QboJsonMapper.toName(entity, entry)));
        }
        return names;
    }

    private List<QboName> namesLike(CallPriority at, String realmId, String accessToken, String entity,
            String name) {
        String query = QboQuery.nameListLike(entity, name);
        return call(realmId, () -> batching.query(at, credentials(realmId, accessToken), query)).stream()
                .map(found -> QboJsonMapper.toName(entity, found)).toList();
    }

    @Override
    public List<InvoiceInQbo> findInvoices(String realmId, String accessToken, String docNumber) {
        String query = QboQuery.whereEquals(QboWrite.INVOICE, "DocNumber", docNumber);
        return call(realmId, () -> batching.query(priority.get(), credentials(realmId, accessToken), query)).stream()
                .map(QboJsonMapper::toInvoiceInQbo).toList();
    }

    @Override
    public Version create(String realmId, String accessToken, QboWrite write, String requestId) {
        try {
            return QboJsonMapper.toVersion(call(realmId, () -> batching.create(priority.get(),
                    credentials(realmId, accessToken), write.entity(), QboJsonMapper.toJson(write), requestId)));
        }
        catch (TenantMustWait wait) {
            throw ambiguous(write, wait);
        }
    }

    @Override
    public Version update(String realmId, String accessToken, QboWrite write) {
        // an update replayed with its token is refused as stale, so a fresh requestid per attempt is safe
        return QboJsonMapper.toVersion(call(realmId, () -> batching.update(priority.get(), credentials(realmId, accessToken),
                write.entity(), QboJsonMapper.toJson(write), UUID.randomUUID().toString())));
    }

    @Override
    public Version read(String realmId, String accessToken, String entity, String id) {
        return QboJsonMapper.toVersion(call(realmId, () -> client(priority.get()).read(credentials(realmId, accessToken), entity, id)));
    }

    /**
     * A create whose answer never came (timeout, lost reply, 5xx) may have been applied. Nothing is
     * remembered of it: the retried event looks for it in QBO before creating (customer by name, job by
     * 6240 under its parent, invoice by DocNumber), so a restart in between changes nothing.
     */
    private static TenantMustWait ambiguous(QboWrite write, TenantMustWait wait) {
        if (!(wait.getCause() instanceof QboFaultException fault) || !fault.isAmbiguousWrite()) {
            return wait;
        }
        return new TenantMustWait(wait.reason(), wait.hint(), "QBO's answer to a create (" + write.entity()
                + ") was lost: " + wait.getMessage() + "; it may have been applied, so the retry looks for it first",
                fault);
    }

    private static QboCredentials credentials(String realmId, String accessToken) {
        return new QboCredentials(realmId, accessToken);
    }

    private <T> T call(String realmId, Supplier<T> request) {
        CircuitBreaker breaker = breakers.circuitBreaker("qbo-" + realmId);
        try {
            return breaker.executeSupplier(request);
        }
        catch (CallNotPermittedException ex) {
            throw new TenantMustWait(WaitReason.FAILING, null, "circuit breaker of realm " + realmId + " is open", ex);
        }
        catch (RealmBusyException ex) {
            throw new TenantMustWait(WaitReason.REALM_BUSY, ex.retryAfter(), ex.getMessage(), ex);
        }
        catch (QboFaultException ex) {
            throw translate(ex);
        }
    }

    private static RuntimeException translate(QboFaultException ex) {
        if (ex.isAuthentication()) {
            return new QboUnauthorized(ex.getMessage(), ex);
        }
        if (ex.isThrottled()) {
            return new TenantMustWait(WaitReason.THROTTLED, ex.retryAfter().orElse(null),
                    "QBO throttled the realm (" + ex.code() + ")", ex);
        }
        if (ex.isTransient()) {
            return new TenantMustWait(WaitReason.FAILING, ex.retryAfter().orElse(null),
                    "QBO unavailable (HTTP " + ex.httpStatus() + ")", ex);
        }
        String message = ex.faultMessage() + (ex.detail() == null || ex.detail().isBlank() ? "" : ": " + ex.detail());
        return new QboRefused(ex.code(), message, ex);
    }

    /** Which failures open a realm's breaker: server errors and timeouts, not throttles or refusals. */
    public static boolean isRealmFailure(Throwable failure) {
        return failure instanceof QboFaultException fault && fault.isTransient() && !fault.isThrottled();
    }
}
