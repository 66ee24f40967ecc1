package com.cpsync.syncsupport.mapping;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class CoalescedLinkLookupsTest {

    /** Centerpoint ids with a link: "c1" → "q-c1", and so on for every id that starts with "c". */
    private static Optional<EntityLink> linkOf(String tenantId, LinkedEntity entity, String id) {
        return id.startsWith("c") ? Optional.of(new EntityLink(tenantId, entity, id, "q-" + id, null))
                : Optional.empty();
    }

    private final List<String> singleCalls = new CopyOnWriteArrayList<>();
    private final List<List<String>> manyCalls = new CopyOnWriteArrayList<>();
    /** Holds the first call until released, so that others queue behind it. */
    private final CountDownLatch firstCallHeld = new CountDownLatch(1);
    private volatile boolean holdFirstCall;
    private volatile RuntimeException manyFails;
    private final ExecutorService callers = Executors.newFixedThreadPool(8);

    private final CoalescedLinkLookups lookups = new CoalescedLinkLookups(new CountingLinks(), 3);

    /** Every id starting with "c" is linked; counts the calls, holds the first when asked to. */
    private final class CountingLinks implements CoalescedLinkLookups.LinkSource {

        @Override
        public Optional<EntityLink> findLink(String tenantId, LinkedEntity entity, String centerpointId) {
            singleCalls.add(centerpointId);
            holdIfFirst();
            return linkOf(tenantId, entity, centerpointId);
        }

        @Override
        public Map<String, EntityLink> findLinks(String tenantId, LinkedEntity entity, Collection<String> ids) {
            manyCalls.add(List.copyOf(ids));
            if (manyFails != null) {
                throw manyFails;
            }
            return ids.stream().map(id -> linkOf(tenantId, entity, id)).flatMap(Optional::stream)
                    .collect(Collectors.toMap(EntityLink::centerpointId, link -> link));
        }
    }

    @AfterEach
    void stopCallers() {
        firstCallHeld.countDown();
        callers.shutdownNow();
    }

    private void holdIfFirst() {
        if (holdFirstCall) {
            holdFirstCall = false;
            try {
                firstCallHeld.await(30, TimeUnit.SECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Future<Optional<EntityLink>> lookUp(String tenant, String id) {
        return callers.submit(() -> lookups.find(tenant, LinkedEntity.COMPANY, id));
    }

    @Test
    void shouldSendAnIdleTenantsLookupAloneAndAtOnce() {
        assertThat(lookups.find("t1", LinkedEntity.COMPANY, "c1")).map(EntityLink::qboId).contains("q-c1");
        assertThat(lookups.find("t1", LinkedEntity.COMPANY, "x2")).isEmpty();

        assertThat(singleCalls).containsExactly("c1", "x2");
        assertThat(manyCalls).isEmpty();
    }

    @Test
    void shouldSendTheLookupsThatArriveDuringACallTogetherInTheNextEachWithItsOwnAnswer() throws Exception {
        holdFirstCall = true;
        Future<Optional<EntityLink>> first = lookUp("t1", "c0");
        await().until(() -> singleCalls.size() == 1);
        List<Future<Optional<EntityLink>>> queued = new ArrayList<>();
        for (String id : List.of("c1", "x2", "c3", "c4", "x5")) {
            int before = lookups.waiting("t1", LinkedEntity.COMPANY);
            queued.add(lookUp("t1", id));
            // one at a time, so that the order they queue in is the order they were asked in
            await().until(() -> lookups.waiting("t1", LinkedEntity.COMPANY) == before + 1);
        }

        firstCallHeld.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).map(EntityLink::qboId).contains("q-c0");
        assertThat(queued.get(0).get(30, TimeUnit.SECONDS)).map(EntityLink::qboId).contains("q-c1");
        assertThat(queued.get(1).get(30, TimeUnit.SECONDS)).isEmpty();
        assertThat(queued.get(2).get(30, TimeUnit.SECONDS)).map(EntityLink::qboId).contains("q-c3");
        assertThat(queued.get(3).get(30, TimeUnit.SECONDS)).map(EntityLink::qboId).contains("q-c4");
        assertThat(queued.get(4).get(30, TimeUnit.SECONDS)).isEmpty();
        // five waiting lookups at three a call: two calls, in the order they were asked
        assertThat(manyCalls).containsExactly(List.of("c1", "x2", "c3"), List.of("c4", "x5"));
        assertThat(singleCalls).containsExactly("c0");
        assertThat(lookups.waiting("t1", LinkedEntity.COMPANY)).isZero();
    }

    @Test
    void shouldNeverPutTwoTenantsLookupsInOneCall() throws Exception {
        holdFirstCall = true;
        Future<Optional<EntityLink>> held = lookUp("t1", "c0");
        await().until(() -> singleCalls.size() == 1);

        // another tenant is idle: its lookup does not wait for t1's call
        assertThat(lookUp("t2", "c9").get(30, TimeUnit.SECONDS)).map(EntityLink::tenantId).contains("t2");
        assertThat(held).isNotDone();
        firstCallHeld.countDown();
        assertThat(held.get(30, TimeUnit.SECONDS)).map(EntityLink::tenantId).contains("t1");
    }

    @Test
    void shouldThrowACallsFailureToEveryLookupInItAndLetTheNextCallGoOut() throws Exception {
        manyFails = new MappingServiceUnavailable("mapping-service unavailable (look up links): refused", null);
        holdFirstCall = true;
        Future<Optional<EntityLink>> first = lookUp("t1", "c0");
        await().until(() -> singleCalls.size() == 1);
        Future<Optional<EntityLink>> a = lookUp("t1", "c1");
        Future<Optional<EntityLink>> b = lookUp("t1", "c2");
        await().until(() -> lookups.waiting("t1", LinkedEntity.COMPANY) == 2);

        firstCallHeld.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
        for (Future<Optional<EntityLink>> failed : List.of(a, b)) {
            assertThatThrownBy(() -> failed.get(30, TimeUnit.SECONDS)).hasCauseInstanceOf(
                    MappingServiceUnavailable.class);
        }
        manyFails = null;
        assertThat(lookups.find("t1", LinkedEntity.COMPANY, "c7")).map(EntityLink::qboId).contains("q-c7");
    }

    @Test
    void shouldAskForAnIdOnceWhenTwoLookupsOfItShareACall() throws Exception {
        holdFirstCall = true;
        Future<Optional<EntityLink>> first = lookUp("t1", "c0");
        await().until(() -> singleCalls.size() == 1);
        Future<Optional<EntityLink>> a = lookUp("t1", "c5");
        await().until(() -> lookups.waiting("t1", LinkedEntity.COMPANY) == 1);
        Future<Optional<EntityLink>> b = lookUp("t1", "c5");
        await().until(() -> lookups.waiting("t1", LinkedEntity.COMPANY) == 2);

        firstCallHeld.countDown();

        assertThat(first.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(a.get(30, TimeUnit.SECONDS)).isEqualTo(b.get(30, TimeUnit.SECONDS)).isPresent();
        assertThat(manyCalls).containsExactly(List.of("c5"));
    }

    @Test
    void shouldRefuseABatchSizeBelowOne() {
        assertThatThrownBy(() -> new CoalescedLinkLookups(new CountingLinks(), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
