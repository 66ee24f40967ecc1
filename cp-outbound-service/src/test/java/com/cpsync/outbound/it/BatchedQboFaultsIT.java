package com.cpsync.outbound.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import com.cpsync.outbound.adapter.out.http.QboClientGateway;
import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.QboGateway.QboRefused;
import com.cpsync.outbound.application.port.QboGateway.Version;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.qbo.client.BatchingQboCalls;
import com.cpsync.schemas.avro.CompaniesToQbo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 10: calls of one realm that wait while its sends are in flight share one batch request, and each
 * caller gets what its single call would have given: the production gateway (batching on, two sends per realm)
 * against the qbo-sandbox, whose latency keeps two lookups in flight while three writes queue behind them.
 */
class BatchedQboFaultsIT extends OutboundItBase {

    @Autowired
    private QboGateway gateway;

    private final ExecutorService callers = Executors.newCachedThreadPool();

    @AfterEach
    void stopCallers() {
        callers.shutdownNow();
    }

    @Test
    void shouldGiveEachItemOfABatchWhatItsSingleCallWouldGive() throws Exception {
        Tenant t = tenant(CompaniesToQbo.WHEN_CREATED);
        String realm = t.realm();
        String token = apps().currentAccessToken(t.id());
        apps().createInQbo(realm, "Customer", "{\"DisplayName\":\"Taken Name Co\"}");
        String edited = apps().createInQbo(realm, "Customer", "{\"DisplayName\":\"Edited In QBO Co\"}").path("Id")
                .asString();
        // a bookkeeper edits it: SyncToken 0 is stale now
        apps().createInQbo(realm, "Customer", "{\"Id\":\"" + edited + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"Notes\":\"edited in QBO\"}");
        BatchingQboCalls batching = ((QboClientGateway) gateway).batching();
        JsonNode before = apps().stats(realm);

        apps().setFaults(realm, "{\"latencyMs\":5000}");
        // lookups fill every send slot of the realm, so the writes after them wait and share the next send
        List<Future<?>> lookups = new ArrayList<>();
        for (int slot = 1; slot <= batching.sendersPerRealm(); slot++) {
            String name = "Lookup " + slot;
            lookups.add(sending(batching, realm, slot, () -> gateway.findNamesLike(realm, token, "Customer", name)));
        }
        Future<Version> good = queued(batching, realm, 1, () -> gateway.create(realm, token, customer("Fresh Batch Co"),
                "batched-good"));
        Future<Version> taken = queued(batching, realm, 2, () -> gateway.create(realm, token,
                customer("Taken Name Co"), "batched-taken"));
        Future<Version> stale = queued(batching, realm, 3, () -> gateway.update(realm, token,
                new QboWrite.ReactivateCustomer(edited, "0")));
        apps().setFaults(realm, "{\"latencyMs\":0}");

        for (Future<?> lookup : lookups) {
            lookup.get(30, TimeUnit.SECONDS);
        }
        Version created = good.get(30, TimeUnit.SECONDS);
        assertThat(created.id()).isNotBlank();
        assertThat(created.syncToken()).isEqualTo("0");
        assertThat(failureOf(taken)).isInstanceOfSatisfying(QboRefused.class, refused -> {
            assertThat(refused.duplicateName()).isTrue();
            assertThat(refused.code()).isEqualTo("6240");
        });
        assertThat(failureOf(stale)).isInstanceOfSatisfying(QboRefused.class, refused -> {
            assertThat(refused.staleObject()).isTrue();
            assertThat(refused.code()).isEqualTo("5010");
        });
        JsonNode after = apps().stats(realm);
        assertThat(after.path("batches").asInt() - before.path("batches").asInt()).as("batch requests").isEqualTo(1);
        assertThat(after.path("writes").asInt() - before.path("writes").asInt()).as("single writes").isZero();
        assertThat(after.path("reads").asInt() - before.path("reads").asInt()).as("the lookups")
                .isEqualTo(batching.sendersPerRealm());
        assertThat(apps().entities(realm, "Customer")).extracting(c -> c.path("DisplayName").asString())
                .containsExactlyInAnyOrder("Taken Name Co", "Edited In QBO Co", "Fresh Batch Co");
    }

    private static QboWrite customer(String name) {
        return new QboWrite.CreateCustomer(CustomerFields.of(new Company("c-" + name.hashCode(), name, null, null,
                null)));
    }

    /** Starts a call and waits until the realm has this many sends in flight. */
    private <T> Future<T> sending(BatchingQboCalls batching, String realm, int inFlight, Callable<T> call) {
        Future<T> future = callers.submit(call);
        await().atMost(WAIT).until(() -> batching.sending(realm) == inFlight);
        return future;
    }

    /** Starts a call and waits until it is the {@code position}-th call of the realm waiting to be sent. */
    private <T> Future<T> queued(BatchingQboCalls batching, String realm, int position, Callable<T> call) {
        Future<T> future = callers.submit(call);
        await().atMost(WAIT).until(() -> batching.pending(realm) == position);
        return future;
    }

    private static Throwable failureOf(Future<?> future) throws Exception {
        try {
            future.get(30, TimeUnit.SECONDS);
            return null;
        }
        catch (ExecutionException failed) {
            return failed.getCause();
        }
    }
}
