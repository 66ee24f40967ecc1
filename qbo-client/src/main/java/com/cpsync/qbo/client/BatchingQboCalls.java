package com.cpsync.qbo.client;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Coalesces the QBO calls of one realm: an idle realm's call goes out at once as the ordinary single call;
 * calls that arrive while the realm's sends are in flight wait, and the next sender takes up to 30 of them
 * (first come, first taken) into one {@code /batch} request. At most {@code sendersPerRealm} sends of a realm are
 * in flight. A waiting caller becomes the sender on its own thread (no executor: its trace covers the request)
 * and then goes on waiting for its own answer; every caller blocks until its own answer.
 * <p>
 * Each caller gets what the single call would give: the entity (or a query's entities), or the
 * {@link QboFaultException} of its own batch item (6240, 5010, …). A failure of the whole batch (I/O, lost reply,
 * 429, 5xx, 401) goes to each of its callers; an item missing from the answer is an ambiguous failure, as a lost
 * reply. A batch the realm's budget refuses ({@link RealmBusyException}) is sent as single calls instead, and the
 * realm sends no batch until the budget's {@code retryAfter} has passed. A single call the budget refuses waits its
 * {@code retryAfter} and goes again, as long as it has waited less than {@code busyPatience} since it was submitted:
 * its caller is blocked here anyway, and failing it would throw away the event's progress (its lookups), which the
 * retried event pays for again, a livelock when many of a realm's events take turns at a tight budget. Only then
 * does the caller get the {@code RealmBusyException}. Thread-safe; share one per client.
 */
public final class BatchingQboCalls {

    /** QBO: at most 30 items per batch request. */
    public static final int MAX_BATCH_ITEMS = 30;
    public static final int DEFAULT_SENDERS_PER_REALM = 2;
    public static final Duration DEFAULT_BUSY_PATIENCE = Duration.ofSeconds(10);

    /** A budget that names no wait is asked again after this much, not in a spin. */
    private static final long MIN_BUSY_WAIT_NANOS = Duration.ofMillis(10).toNanos();
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private final QboClient client;
    private final Map<CallPriority, QboClient> clients = new EnumMap<>(CallPriority.class);
    private final int sendersPerRealm;
    private final int callsPerSend;
    private final TimeSource time;
    private final long busyPatienceNanos;
    private final Map<String, Realm> realms = new ConcurrentHashMap<>();

    public BatchingQboCalls(QboClient client) {
        this(client, DEFAULT_SENDERS_PER_REALM, TimeSource.SYSTEM, DEFAULT_BUSY_PATIENCE);
    }

    public BatchingQboCalls(QboClient client, int sendersPerRealm, TimeSource time) {
        this(client, sendersPerRealm, time, DEFAULT_BUSY_PATIENCE);
    }

    /**
     * @param sendersPerRealm how many sends (single or batch) of one realm may be in flight at once
     * @param time            the clock of the "no batch until" pause after the budget refused a batch
     * @param busyPatience    how long a call refused by the realm's budget is sent again before its caller is told
     */
    public BatchingQboCalls(QboClient client, int sendersPerRealm, TimeSource time, Duration busyPatience) {
        this(client, sendersPerRealm, time, busyPatience, MAX_BATCH_ITEMS);
    }

    /**
     * @param callsPerSend at most this many calls in one send: 1 sends single calls only (batching off), still with
     *                     the realm's senders and the patience with a busy budget
     */
    public BatchingQboCalls(QboClient client, int sendersPerRealm, TimeSource time, Duration busyPatience,
            int callsPerSend) {
        if (sendersPerRealm < 1) {
            throw new IllegalArgumentException("sendersPerRealm must be at least 1: " + sendersPerRealm);
        }
        if (callsPerSend < 1 || callsPerSend > MAX_BATCH_ITEMS) {
            throw new IllegalArgumentException("callsPerSend must be 1 to " + MAX_BATCH_ITEMS + ": " + callsPerSend);
        }
        this.client = Objects.requireNonNull(client, "client");
        this.sendersPerRealm = sendersPerRealm;
        this.callsPerSend = callsPerSend;
        this.time = Objects.requireNonNull(time, "time");
        this.busyPatienceNanos = busyPatience.toNanos();
        for (CallPriority priority : CallPriority.values()) {
            clients.put(priority, client.at(priority));
        }
    }

    /** The client the calls go through (for the calls that are never batched, such as a read by Id). */
    public QboClient client() {
        return client;
    }

    /** As {@link QboClient#create}, at this priority. */
    public JsonNode create(CallPriority priority, QboCredentials credentials, String entity, JsonNode body,
            String requestId) {
        QboClient.requestId(requestId, QboClient.MAX_REQUEST_ID);
        return (JsonNode) submit(credentials, List.of(new Call(priority, credentials, Operation.CREATE,
                Objects.requireNonNull(entity, "entity"), Objects.requireNonNull(body, "body"), requestId))).get(0);
    }

    /** As {@link QboClient#update} (sparse), at this priority. */
    public JsonNode update(CallPriority priority, QboCredentials credentials, String entity, ObjectNode body,
            String requestId) {
        QboClient.requestId(requestId, QboClient.MAX_REQUEST_ID);
        return (JsonNode) submit(credentials, List.of(new Call(priority, credentials, Operation.UPDATE,
                Objects.requireNonNull(entity, "entity"), Objects.requireNonNull(body, "body"), requestId))).get(0);
    }

    /** As {@link QboClient#query}, at this priority. */
    public List<JsonNode> query(CallPriority priority, QboCredentials credentials, String query) {
        return queries(priority, credentials, List.of(query)).get(0);
    }

    /**
     * Several queries submitted together, so that they can share one batch; their entities in the same order.
     * If any fails, the first failure (in the order given) is thrown.
     */
    @SuppressWarnings("unchecked")
    public List<List<JsonNode>> queries(CallPriority priority, QboCredentials credentials, List<String> queries) {
        if (queries.isEmpty()) {
            return List.of();
        }
        List<Call> calls = new ArrayList<>();
        for (String query : queries) {
            QboClient.checkQuery(query);
            calls.add(new Call(priority, credentials, Operation.QUERY, null, null, query));
        }
        List<List<JsonNode>> found = new ArrayList<>();
        submit(credentials, calls).forEach(result -> found.add((List<JsonNode>) result));
        return found;
    }

    /** How many sends of one realm may be in flight at once. */
    public int sendersPerRealm() {
        return sendersPerRealm;
    }

    /** Calls of this realm waiting to be sent (not those in flight). */
    public int pending(String realmId) {
        Realm realm = realms.get(realmId);
        if (realm == null) {
            return 0;
        }
        synchronized (realm) {
            return realm.pending.size();
        }
    }

    /** Sends (single or batch) of this realm in flight now. */
    public int sending(String realmId) {
        Realm realm = realms.get(realmId);
        if (realm == null) {
            return 0;
        }
        synchronized (realm) {
            return realm.sending;
        }
    }

    private List<Object> submit(QboCredentials credentials, List<Call> calls) {
        Realm realm = realms.computeIfAbsent(credentials.realmId(), id -> new Realm());
        boolean interrupted = false;
        long now = time.nanoTime();
        calls.forEach(call -> call.submittedAt = now);
        synchronized (realm) {
            realm.pending.addAll(calls);
        }
        try {
            while (true) {
                List<Call> group;
                synchronized (realm) {
                    while (true) {
                        if (calls.stream().allMatch(call -> call.done)) {
                            return answers(calls);
                        }
                        if (realm.sending < sendersPerRealm && !realm.pending.isEmpty()) {
                            group = take(realm);
                            realm.sending++;
                            break;
                        }
                        try {
                            realm.wait();
                        }
                        catch (InterruptedException ex) {
                            if (calls.stream().anyMatch(realm.pending::contains)) {
                                // not sent yet: withdraw, as a single call interrupted before sending
                                realm.pending.removeAll(calls);
                                Thread.currentThread().interrupt();
                                throw QboFaultException.ioFailure("QBO call for realm " + credentials.realmId()
                                        + " interrupted before it was sent", ex);
                            }
                            // in flight: its answer is bounded by the request timeout
                            interrupted = true;
                        }
                    }
                }
                try {
                    send(realm, group);
                }
                finally {
                    synchronized (realm) {
                        realm.sending--;
                        realm.notifyAll();
                    }
                }
            }
        }
        finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static List<Object> answers(List<Call> calls) {
        List<Object> answers = new ArrayList<>();
        for (Call call : calls) {
            if (call.failure != null) {
                throw call.failure;
            }
            answers.add(call.result);
        }
        return answers;
    }

    /** The head call and, unless batches are paused, up to {@code callsPerSend - 1} more of the same credentials. */
    private List<Call> take(Realm realm) {
        Call head = realm.pending.pollFirst();
        List<Call> group = new ArrayList<>();
        group.add(head);
        if (realm.noBatchUntil != null && time.nanoTime() - realm.noBatchUntil < 0) {
            return group;
        }
        realm.noBatchUntil = null;
        for (Iterator<Call> it = realm.pending.iterator(); it.hasNext() && group.size() < callsPerSend; ) {
            Call next = it.next();
            if (next.credentials.equals(head.credentials)) {
                group.add(next);
                it.remove();
            }
        }
        return group;
    }

    private void send(Realm realm, List<Call> group) {
        Call head = group.get(0);
        if (group.size() == 1) {
            sendAlone(realm, head);
            return;
        }
        List<JsonNode> items = new ArrayList<>();
        for (int i = 0; i < group.size(); i++) {
            items.add(group.get(i).batchItem(bId(i)));
        }
        boolean live = group.stream().anyMatch(call -> call.priority == CallPriority.LIVE);
        List<JsonNode> responses;
        try {
            responses = clients.get(live ? CallPriority.LIVE : CallPriority.BACKLOG)
                    .batch(head.credentials, items, batchRequestId(group));
        }
        catch (RealmBusyException busy) {
            synchronized (realm) {
                realm.noBatchUntil = time.nanoTime() + busy.retryAfter().toNanos();
                for (int i = group.size() - 1; i >= 1; i--) {
                    realm.pending.addFirst(group.get(i));
                }
                realm.notifyAll();
            }
            sendAlone(realm, head);
            return;
        }
        catch (RuntimeException failure) {
            synchronized (realm) {
                group.forEach(call -> call.fail(failure));
                realm.notifyAll();
            }
            return;
        }
        Map<String, JsonNode> byBId = new HashMap<>();
        responses.forEach(item -> byBId.putIfAbsent(item.path("bId").asString(""), item));
        synchronized (realm) {
            for (int i = 0; i < group.size(); i++) {
                Call call = group.get(i);
                JsonNode item = byBId.get(bId(i));
                if (item == null) {
                    call.fail(new QboFaultException(0, null, "QBO's batch answer has no item " + bId(i) + " (the "
                            + call.operation.name + " of a batch of " + group.size() + "); it may have been applied",
                            null, "IO", null, null));
                    continue;
                }
                try {
                    call.succeed(call.answerIn(item));
                }
                catch (RuntimeException fault) {
                    call.fail(fault);
                }
            }
            realm.notifyAll();
        }
    }

    private void sendAlone(Realm realm, Call call) {
        Object result = null;
        RuntimeException failure = null;
        while (true) {
            try {
                result = call.sendAlone(clients.get(call.priority));
                break;
            }
            catch (RealmBusyException busy) {
                long wait = busy.retryAfter().toNanos();
                if (time.nanoTime() + wait - call.submittedAt > busyPatienceNanos || Thread.currentThread().isInterrupted()) {
                    failure = busy;
                    break;
                }
                time.sleepNanos(Math.max(wait, MIN_BUSY_WAIT_NANOS));
            }
            catch (RuntimeException ex) {
                failure = ex;
                break;
            }
        }
        synchronized (realm) {
            if (failure != null) {
                call.fail(failure);
            }
            else {
                call.succeed(result);
            }
            realm.notifyAll();
        }
    }

    private static String bId(int index) {
        return Integer.toString(index + 1);
    }

    /**
     * The same group of writes sent again gets the same id (QBO may replay the first answer). A query's key is
     * unique to its submission: the same lookup asked later must be answered afresh, never replayed.
     */
    private static String batchRequestId(List<Call> group) {
        StringBuilder keys = new StringBuilder();
        group.forEach(call -> keys.append(call.operation.name).append(' ').append(call.entity).append(' ')
                .append(call.key).append('\n'));
        return UUID.nameUUIDFromBytes(keys.toString().getBytes(StandardCharsets.UTF_8)).toString();
    }

    private enum Operation {
        CREATE("create"), UPDATE("update"), QUERY("query");

        private final String name;

        Operation(String name) {
            this.name = name;
        }
    }

    /** The pending calls and send slots of one realm; guarded by its own monitor. */
    private static final class Realm {
        private final Deque<Call> pending = new ArrayDeque<>();
        private int sending;
        private Long noBatchUntil;
    }

    /** One caller's call; its answer fields are guarded by its realm's monitor. */
    private static final class Call {
        private final CallPriority priority;
        private final QboCredentials credentials;
        private final Operation operation;
        private final String entity;
        private final JsonNode body;
        private final String requestId;
        private final String query;
        private final String key;
        private Object result;
        private RuntimeException failure;
        private boolean done;
        private long submittedAt;

        Call(CallPriority priority, QboCredentials credentials, Operation operation, String entity, JsonNode body,
                String requestIdOrQuery) {
            this.priority = Objects.requireNonNull(priority, "priority");
            this.credentials = Objects.requireNonNull(credentials, "credentials");
            this.operation = operation;
            this.entity = entity;
            this.body = body;
            boolean query = operation == Operation.QUERY;
            this.requestId = query ? null : requestIdOrQuery;
            this.query = query ? Objects.requireNonNull(requestIdOrQuery, "query") : null;
            this.key = query ? UUID.randomUUID().toString() : requestIdOrQuery;
        }

        Object sendAlone(QboClient client) {
            switch (operation) {
                case CREATE:
                    return client.create(credentials, entity, body, requestId);
                case UPDATE:
                    return client.update(credentials, entity, (ObjectNode) body, requestId);
                default:
                    return client.query(credentials, query);
            }
        }

        JsonNode batchItem(String bId) {
            ObjectNode item = JSON.objectNode();
            item.put("bId", bId);
            if (operation == Operation.QUERY) {
                item.put("Query", query);
                return item;
            }
            item.put("operation", operation.name);
            JsonNode entityBody = body.deepCopy();
            if (operation == Operation.UPDATE) {
                ((ObjectNode) entityBody).put("sparse", true);
            }
            item.set(entity, entityBody);
            return item;
        }

        /** What the single call would return for this item, or its fault thrown. */
        Object answerIn(JsonNode item) {
            QboFaultException fault = QboFaultException.inBatchItem(item).orElse(null);
            if (fault != null) {
                throw fault;
            }
            if (operation == Operation.QUERY) {
                return QboClient.entitiesOf(QboFaultParser.property(item, "QueryResponse"));
            }
            return QboClient.entityOf(item, entity);
        }

        void succeed(Object answer) {
            result = answer;
            done = true;
        }

        void fail(RuntimeException why) {
            failure = why;
            done = true;
        }
    }
}
