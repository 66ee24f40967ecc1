package com.cpsync.sandbox.domain;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.node.ObjectNode;

/** Per-realm request counters; reads (metered by Intuit) and writes are counted apart. */
public final class RealmStats {

    public enum Kind { READ, WRITE, BATCH, OTHER }

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong reads = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final Map<Integer, AtomicLong> byStatus = new ConcurrentHashMap<>();

    public void record(Kind kind, int status) {
        requests.incrementAndGet();
        switch (kind) {
            case READ -> reads.incrementAndGet();
            case WRITE -> writes.incrementAndGet();
            case BATCH -> batches.incrementAndGet();
            default -> { }
        }
        byStatus.computeIfAbsent(status, s -> new AtomicLong()).incrementAndGet();
    }

    public void reset() {
        requests.set(0);
        reads.set(0);
        writes.set(0);
        batches.set(0);
        byStatus.clear();
    }

    public ObjectNode toJson() {
        ObjectNode json = Json.object();
        json.put("requests", requests.get());
        json.put("reads", reads.get());
        json.put("writes", writes.get());
        json.put("batches", batches.get());
        ObjectNode statuses = json.putObject("byStatus");
        new TreeMap<>(byStatus).forEach((status, n) -> statuses.put(String.valueOf(status), n.get()));
        return json;
    }
}
