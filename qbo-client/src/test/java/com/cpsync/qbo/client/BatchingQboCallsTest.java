package com.cpsync.qbo.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.assertj.core.api.ThrowableAssertAlternative;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class BatchingQboCallsTest extends AgainstFakeQbo {

    private static final String CUSTOMER_60 = "{\"Customer\":{\"Id\":\"60\",\"SyncToken\":\"0\"}}";
    private static final String DUPLICATE_NAME = "{\"Error\":[{\"Message\":\"Duplicate Name Exists Error\","
            + "\"code\":\"6240\"}],\"type\":\"ValidationFault\"}";
    private static final String STALE_OBJECT = "{\"Error\":[{\"Message\":\"Stale Object Error\",\"code\":\"5010\"}],"
            + "\"type\":\"ValidationFault\"}";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ExecutorService callers = Executors.newCachedThreadPool();
    private final CountDownLatch release = new CountDownLatch(1);
    private final List<String> budgetTaken = new ArrayList<>();
    /** While set, the recording budget refuses every batch with this retryAfter. */
    private final AtomicReference<Duration> refuseBatches = new AtomicReference<>();

    @AfterEach
    void stopCallers() {
        release.countDown();
        callers.shutdownNow();
    }

    @Test
    void shouldSendALoneCallAsTheOrdinarySingleCall() {
        BatchingQboCalls batching = new BatchingQboCalls(client);
        qbo.respond(200, CUSTOMER_60);

        JsonNode created = batching.create(CallPriority.LIVE, REALM, "Customer", customer("Acme"), "req-1");

        assertThat(created.get("Id").asString()).isEqualTo("60");
        assertThat(qbo.requests()).singleElement().satisfies(request -> {
            assertThat(request.path()).isEqualTo("/v3/company/9341455/customer");
            assertThat(request.rawQuery()).contains("requestid=req-1");
        });
    }

    @Test
    void shouldBatchTheCallsThatWaitWhileASendIsInFlightAtTheHighestOfTheirPriorities() throws Exception {
        BatchingQboCalls batching = new BatchingQboCalls(recordingBudgetClient(), 1, TimeSource.SYSTEM);
        qbo.respondAfter(release, "{\"QueryResponse\":{}}");
        qbo.respond(200, """
                {"BatchItemResponse":[
                 {"bId":"3","QueryResponse":{"Customer":[{"Id":"7"},{"Id":"8"}],"maxResults":2}},
                 {"bId":"1","Customer":{"Id":"61","SyncToken":"0"}},
                 {"bId":"2","Customer":{"Id":"58","SyncToken":"4"}}]}""");
        Future<List<JsonNode>> first = inFlight(() -> batching.query(CallPriority.BACKLOG, REALM, "select 1"));

        Future<JsonNode> create = queued(batching, 1,
                () -> batching.create(CallPriority.BACKLOG, REALM, "Customer", customer("Acme"), "req-1"));
        Future<JsonNode> update = queued(batching, 2, () -> batching.update(CallPriority.LIVE, REALM, "Customer",
                customer("Acme Ltd").put("Id", "58").put("SyncToken", "3"), "req-2"));
        Future<List<JsonNode>> query = queued(batching, 3,
                () -> batching.query(CallPriority.BACKLOG, REALM, "select * from Customer"));
        release.countDown();

        assertThat(first.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(create.get(10, TimeUnit.SECONDS).get("Id").asString()).isEqualTo("61");
        assertThat(update.get(10, TimeUnit.SECONDS).get("SyncToken").asString()).isEqualTo("4");
        assertThat(query.get(10, TimeUnit.SECONDS)).extracting(found -> found.get("Id").asString())
                .containsExactly("7", "8");
        assertThat(qbo.requests()).hasSize(2);
        FakeQboServer.Recorded batch = qbo.lastRequest();
        assertThat(batch.path()).isEqualTo("/v3/company/9341455/batch");
        assertThat(batch.rawQuery()).matches("requestid=[0-9a-f-]{36}&minorversion=75");
        JsonNode items = json.readTree(batch.body()).get("BatchItemRequest");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).get("bId").asString()).isEqualTo("1");
        assertThat(items.get(0).get("operation").asString()).isEqualTo("create");
        assertThat(items.get(0).get("Customer").get("DisplayName").asString()).isEqualTo("Acme");
        assertThat(items.get(1).get("operation").asString()).isEqualTo("update");
        assertThat(items.get(1).get("Customer").get("sparse").asBoolean()).isTrue();
        assertThat(items.get(2).get("Query").asString()).isEqualTo("select * from Customer");
        assertThat(budgetTaken).containsExactly("BACKLOG", "LIVE batch");
    }

    @Test
    void shouldGiveABatchItemsFaultToItsCallerOnlyAsTheSingleCallWould() throws Exception {
        BatchingQboCalls batching = withFirstCreateInFlight(200, "{\"BatchItemResponse\":["
                + "{\"bId\":\"1\",\"Customer\":{\"Id\":\"62\"}},{\"bId\":\"2\",\"Fault\":" + DUPLICATE_NAME + "},"
                + "{\"bId\":\"3\",\"Fault\":" + STALE_OBJECT + "}]}");

        Future<JsonNode> good = queuedCreate(batching, 1, "Fresh");
        Future<JsonNode> taken = queuedCreate(batching, 2, "Taken");
        Future<JsonNode> stale = queued(batching, 3, () -> batching.update(CallPriority.LIVE, REALM, "Customer",
                customer("Old").put("Id", "58").put("SyncToken", "0"), "req-3"));
        release.countDown();

        assertThat(good.get(10, TimeUnit.SECONDS).get("Id").asString()).isEqualTo("62");
        assertThatFailureOf(taken).isInstanceOfSatisfying(QboFaultException.class, fault -> {
            assertThat(fault.isDuplicateName()).isTrue();
            assertThat(fault.httpStatus()).isEqualTo(200);
            assertThat(fault.isPermanent()).isTrue();
        });
        assertThatFailureOf(stale).isInstanceOfSatisfying(QboFaultException.class,
                fault -> assertThat(fault.isStaleObject()).isTrue());
    }

    @Test
    void shouldGiveAWholeBatchsFailureToEachOfItsCallers() throws Exception {
        BatchingQboCalls batching = withFirstCreateInFlight(503,
                "{\"Fault\":{\"Error\":[{\"Message\":\"Service unavailable\"}],\"type\":\"SystemFault\"}}");

        Future<JsonNode> create = queuedCreate(batching, 1, "Fresh");
        Future<List<JsonNode>> query = queued(batching, 2,
                () -> batching.query(CallPriority.LIVE, REALM, "select * from Vendor"));
        release.countDown();

        assertThatFailureOf(create).isInstanceOfSatisfying(QboFaultException.class, fault -> {
            assertThat(fault.httpStatus()).isEqualTo(503);
            assertThat(fault.isAmbiguousWrite()).isTrue();
        });
        assertThatFailureOf(query).isInstanceOfSatisfying(QboFaultException.class,
                fault -> assertThat(fault.httpStatus()).isEqualTo(503));
        assertThat(qbo.lastRequest().path()).endsWith("/batch");
    }

    @Test
    void shouldCallAnItemMissingFromTheAnswerAnAmbiguousFailure() throws Exception {
        BatchingQboCalls batching = withFirstCreateInFlight(200,
                "{\"BatchItemResponse\":[{\"bId\":\"1\",\"Customer\":{\"Id\":\"62\"}}]}");

        Future<JsonNode> answered = queuedCreate(batching, 1, "Fresh");
        Future<JsonNode> missing = queuedCreate(batching, 2, "Lost");
        release.countDown();

        assertThat(answered.get(10, TimeUnit.SECONDS).get("Id").asString()).isEqualTo("62");
        assertThatFailureOf(missing).isInstanceOfSatisfying(QboFaultException.class, fault -> {
            assertThat(fault.isAmbiguousWrite()).isTrue();
            assertThat(fault.isTransient()).isTrue();
        });
    }

    @Test
    void shouldSendSinglesWhileTheBudgetRefusesBatchesThenBatchAgain() throws Exception {
        FakeTimeSource time = new FakeTimeSource();
        refuseBatches.set(Duration.ofSeconds(20));
        BatchingQboCalls batching = new BatchingQboCalls(recordingBudgetClient(), 1, time);
        qbo.respondAfter(release, CUSTOMER_60).respond(200, CUSTOMER_60).respond(200, CUSTOMER_60);
        inFlightCreate(batching, "First");

        Future<JsonNode> second = queuedCreate(batching, 1, "Second");
        Future<JsonNode> third = queuedCreate(batching, 2, "Third");
        release.countDown();

        assertThat(second.get(10, TimeUnit.SECONDS).get("Id").asString()).isEqualTo("60");
        assertThat(third.get(10, TimeUnit.SECONDS).get("Id").asString()).isEqualTo("60");
        assertThat(qbo.requests()).hasSize(3).allSatisfy(request -> assertThat(request.path()).endsWith("/customer"));
        assertThat(budgetTaken).containsExactly("LIVE", "LIVE batch refused", "LIVE", "LIVE");

        // once the budget's retryAfter has passed, waiting calls share a batch again
        refuseBatches.set(null);
        budgetTaken.clear();
        // the budget would give a batch token now, but the pause it asked for is not over
        sendsAloneWhilePaused(batching);
        time.advance(Duration.ofSeconds(21));
        budgetTaken.clear();
        CountDownLatch releaseAgain = new CountDownLatch(1);
        qbo.respondAfter(releaseAgain, CUSTOMER_60).respond(200, "{\"BatchItemResponse\":[]}");
        inFlightCreate(batching, "Fourth");
        Future<JsonNode> fifth = queuedCreate(batching, 1, "Fifth");
        Future<JsonNode> sixth = queuedCreate(batching, 2, "Sixth");
        releaseAgain.countDown();

        assertThatFailureOf(fifth).isInstanceOf(QboFaultException.class);
        assertThatFailureOf(sixth).isInstanceOf(QboFaultException.class);
        assertThat(budgetTaken).containsExactly("LIVE", "LIVE batch");
    }

    @Test
    void shouldPutAtMostThirtyCallsInOneBatch() throws Exception {
        BatchingQboCalls batching = new BatchingQboCalls(client, 1, TimeSource.SYSTEM);
        StringBuilder thirty = new StringBuilder("{\"BatchItemResponse\":[");
        for (int i = 1; i <= 30; i++) {
            thirty.append(i == 1 ? "" : ",").append("{\"bId\":\"").append(i).append("\",\"QueryResponse\":{}}");
        }
        qbo.respondAfter(release, "{\"QueryResponse\":{}}").respond(200, thirty.append("]}").toString())
                .respond(200, "{\"QueryResponse\":{\"Customer\":[{\"Id\":\"31\"}]}}");
        inFlight(() -> batching.query(CallPriority.LIVE, REALM, "select 0"));

        List<Future<List<JsonNode>>> waiting = new ArrayList<>();
        for (int i = 1; i <= 31; i++) {
            String query = "select " + i;
            waiting.add(queued(batching, i, () -> batching.query(CallPriority.LIVE, REALM, query)));
        }
        release.countDown();

        for (int i = 0; i < 30; i++) {
            assertThat(waiting.get(i).get(10, TimeUnit.SECONDS)).isEmpty();
        }
        assertThat(waiting.get(30).get(10, TimeUnit.SECONDS)).hasSize(1);
        assertThat(qbo.requests()).hasSize(3);
        assertThat(json.readTree(qbo.requests().get(1).body()).get("BatchItemRequest")).hasSize(30);
        assertThat(qbo.requests().get(2).path()).endsWith("/query");
    }

    @Test
    void shouldSendWaitingCallsOneByOneWhenEachSendCarriesOneCall() throws Exception {
        BatchingQboCalls singles = new BatchingQboCalls(client, 1, TimeSource.SYSTEM,
                BatchingQboCalls.DEFAULT_BUSY_PATIENCE, 1);
        qbo.respondAfter(release, "{\"QueryResponse\":{}}")
                .respond(200, "{\"QueryResponse\":{\"Customer\":[{\"Id\":\"1\"}]}}")
                .respond(200, "{\"QueryResponse\":{\"Customer\":[{\"Id\":\"2\"}]}}");
        inFlight(() -> singles.query(CallPriority.LIVE, REALM, "select 0"));
        Future<List<JsonNode>> one = queued(singles, 1, () -> singles.query(CallPriority.LIVE, REALM, "select 1"));
        Future<List<JsonNode>> two = queued(singles, 2, () -> singles.query(CallPriority.LIVE, REALM, "select 2"));
        release.countDown();

        assertThat(one.get(10, TimeUnit.SECONDS)).extracting(found -> found.get("Id").asString()).containsExactly("1");
        assertThat(two.get(10, TimeUnit.SECONDS)).extracting(found -> found.get("Id").asString()).containsExactly("2");
        assertThat(qbo.requests()).hasSize(3).allSatisfy(request -> assertThat(request.path()).endsWith("/query"));
    }

    @Test
    void shouldRefuseMoreCallsASendThanQboTakesInABatch() {
        assertThatThrownBy(() -> new BatchingQboCalls(client, 1, TimeSource.SYSTEM,
                BatchingQboCalls.DEFAULT_BUSY_PATIENCE, 31)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void shouldSendQueriesSubmittedTogetherInOneBatchAndThrowTheFirstFailure() {
        BatchingQboCalls batching = new BatchingQboCalls(client);
        qbo.respond(200, "{\"BatchItemResponse\":[{\"bId\":\"2\",\"QueryResponse\":{\"Vendor\":[{\"Id\":\"9\"}]}},"
                + "{\"bId\":\"1\",\"QueryResponse\":{}}]}");
        qbo.respond(200, "{\"BatchItemResponse\":[{\"bId\":\"1\",\"QueryResponse\":{}},"
                + "{\"bId\":\"2\",\"Fault\":{\"Error\":[{\"Message\":\"parse error\",\"code\":\"4000\"}]}}]}");

        List<List<JsonNode>> found = batching.queries(CallPriority.BACKLOG, REALM,
                List.of("select * from Customer", "select * from Vendor"));

        assertThat(found.get(0)).isEmpty();
        assertThat(found.get(1)).singleElement().satisfies(vendor -> assertThat(vendor.get("Id").asString())
                .isEqualTo("9"));
        assertThat(qbo.requests()).singleElement().satisfies(r -> assertThat(r.path()).endsWith("/batch"));
        assertThatThrownBy(() -> batching.queries(CallPriority.BACKLOG, REALM,
                List.of("select * from Customer", "select * from Vendor")))
                .isInstanceOfSatisfying(QboFaultException.class, fault -> assertThat(fault.code()).isEqualTo("4000"));
        assertThat(qbo.requests().get(0).rawQuery()).as("the same lookups later are never a replay of the first")
                .isNotEqualTo(qbo.requests().get(1).rawQuery());
    }

    @Test
    void shouldRefuseAtSubmitAQueryQbosLexerRefuses() {
        BatchingQboCalls batching = new BatchingQboCalls(client);

        assertThatThrownBy(() -> batching.query(CallPriority.LIVE, REALM,
                "select * from Customer where DisplayName = 'Bob\u2019s'"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lexer");
        assertThat(qbo.requests()).isEmpty();
        assertThat(batching.pending(REALM.realmId())).isZero();
    }

    // ---- helpers

    private ObjectNode customer(String name) {
        return json.createObjectNode().put("DisplayName", name);
    }

    private void sendsAloneWhilePaused(BatchingQboCalls batching) throws Exception {
        CountDownLatch releasePaused = new CountDownLatch(1);
        qbo.respondAfter(releasePaused, CUSTOMER_60).respond(200, CUSTOMER_60).respond(200, CUSTOMER_60);
        inFlightCreate(batching, "A");
        Future<JsonNode> b = queuedCreate(batching, 1, "B");
        Future<JsonNode> c = queuedCreate(batching, 2, "C");
        releasePaused.countDown();
        b.get(10, TimeUnit.SECONDS);
        c.get(10, TimeUnit.SECONDS);
        assertThat(budgetTaken).containsExactly("LIVE", "LIVE", "LIVE");
    }

    /** Lanes and batching (issue 10): a caller failed at once lost its event's lookups, paid for again on the retry. */
    @Test
    void shouldSendACallTheBudgetRefusesAgainWithinItsPatienceAndThenGiveUp() {
        FakeTimeSource time = new FakeTimeSource();
        AtomicInteger refusals = new AtomicInteger(2);
        RealmBudget busyTwice = (realmId, priority, batch) -> {
            if (refusals.getAndDecrement() > 0) {
                throw new RealmBusyException(realmId, Duration.ofMillis(400), "request rate limit");
            }
            return () -> { };
        };
        BatchingQboCalls batching = new BatchingQboCalls(QboClient.builder(qbo.baseUrl()).budget(busyTwice).build(),
                2, time, Duration.ofSeconds(1));
        qbo.respond(200, CUSTOMER_60);

        JsonNode created = batching.create(CallPriority.LIVE, REALM, "Customer", customer("Acme"), "req-1");

        assertThat(created.get("Id").asString()).isEqualTo("60");
        assertThat(time.slept()).as("waited out both refusals").isEqualTo(Duration.ofMillis(800));

        refusals.set(3);
        assertThatThrownBy(() -> batching.create(CallPriority.LIVE, REALM, "Customer", customer("Bolt"), "req-2"))
                .as("a third wait would pass the second of patience").isInstanceOf(RealmBusyException.class);
        assertThat(qbo.requests()).hasSize(1);
    }

    /** A client whose budget records "priority[ batch]" and, while {@link #refuseBatches} is set, refuses batches. */
    private QboClient recordingBudgetClient() {
        RealmBudget recording = (realmId, priority, batch) -> {
            synchronized (budgetTaken) {
                Duration refusing = refuseBatches.get();
                if (batch && refusing != null) {
                    budgetTaken.add(priority + " batch refused");
                    throw new RealmBusyException(realmId, refusing, "no batch token");
                }
                budgetTaken.add(priority + (batch ? " batch" : ""));
            }
            return () -> { };
        };
        return QboClient.builder(qbo.baseUrl()).budget(recording).build();
    }

    /**
     * One send at a time, the first create in flight until {@code release}: the calls queued meanwhile go as
     * one batch, which QBO answers with {@code status} and {@code batchAnswer}.
     */
    private BatchingQboCalls withFirstCreateInFlight(int status, String batchAnswer) {
        BatchingQboCalls batching = new BatchingQboCalls(client, 1, TimeSource.SYSTEM);
        qbo.respondAfter(release, CUSTOMER_60);
        qbo.respond(status, batchAnswer);
        inFlightCreate(batching, "First");
        return batching;
    }

    private void inFlightCreate(BatchingQboCalls batching, String name) {
        inFlight(() -> batching.create(CallPriority.LIVE, REALM, "Customer", customer(name), "req-" + name));
    }

    /** A LIVE create of customer {@code name}, queued as the {@code position}-th waiting call. */
    private Future<JsonNode> queuedCreate(BatchingQboCalls batching, int position, String name) {
        return queued(batching, position,
                () -> batching.create(CallPriority.LIVE, REALM, "Customer", customer(name), "req-" + name));
    }

    /** Starts a call and waits until its request has reached QBO (which holds it until {@code release}). */
    private <T> Future<T> inFlight(Callable<T> call) {
        int before = qbo.requests().size();
        Future<T> future = callers.submit(call);
        await().atMost(Duration.ofSeconds(10)).until(() -> qbo.requests().size() > before);
        return future;
    }

    /** Starts a call and waits until it is the {@code position}-th call waiting to be sent. */
    private <T> Future<T> queued(BatchingQboCalls batching, int position, Callable<T> call) {
        Future<T> future = callers.submit(call);
        await().atMost(Duration.ofSeconds(10)).until(() -> batching.pending(REALM.realmId()) == position);
        return future;
    }

    /** The cause the call failed with, answered within 10 s (a call that succeeds or hangs fails the test). */
    private static ThrowableAssertAlternative<?> assertThatFailureOf(Future<?> future) {
        return assertThat(future).failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause();
    }
}
