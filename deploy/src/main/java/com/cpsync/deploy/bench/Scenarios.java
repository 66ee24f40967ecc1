package com.cpsync.deploy.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.ControllableStack;
import com.cpsync.deploy.chaos.Pause;

/**
 * The six figures of issue 10, each against the anchor measured in the same run. Each scenario has tenants and
 * realms of its own, so one scenario's backlog never shows in another's figure.
 */
final class Scenarios {

    private static final Logger log = LoggerFactory.getLogger(Scenarios.class);
    private static final double QBO_REQUESTS_PER_MINUTE = 500;
    /** The topic Centerpoint's events arrive on (DESIGN.md; the launcher does not depend on the schemas module). */
    private static final String EVENTS_TOPIC = "centerpoint.events.v1";
    /** P3: how long after the last small event the bench waits for the small events' outcomes. */
    private static final Duration SMALL_EVENT_WAIT = Duration.ofMinutes(5);

    private final BenchWorld world;
    private final BenchOptions options;

    Scenarios(BenchWorld world, BenchOptions options) {
        this.world = world;
        this.options = options;
    }

    List<Figure> all() throws Exception {
        Map<String, Scenario> scenarios = new LinkedHashMap<>();
        scenarios.put("P6", this::idleLatency);
        scenarios.put("P5", this::filterStage);
        scenarios.put("P1", this::bothDirectionsBusy);
        scenarios.put("P4", this::metered);
        scenarios.put("P2", this::bulk);
        scenarios.put("P3", this::fairness);
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, Scenario> scenario : scenarios.entrySet()) {
            if (!options.plays(scenario.getKey())) {
                continue;
            }
            Figure figure = scenario.getValue().measure();
            log.info("{} ({})", figure.line(), figure.note());
            figures.add(figure);
        }
        figures.sort((a, b) -> a.id().compareTo(b.id()));
        return figures;
    }

    private interface Scenario {
        Figure measure() throws Exception;
    }

    /**
     * P6: one event at a time, each a change to a synced company (one QBO write): event → its SYNCED outcome,
     * less the sandbox's latency for the calls it cost. The creates before them (lookups, then the write) are
     * timed too, for the note.
     */
    Figure idleLatency() {
        String tenant = "bench-idle";
        String realm = "9400001";
        world.tenant(tenant, realm, BenchWorld.COMPANIES_OUT);
        int events = options.scaled(20, 100);
        List<Double> creates = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            timeOne(tenant, BenchWorld.company("idle-" + i, "Idle Company " + i)).ifPresent(creates::add);
        }
        long requestsBefore = world.stats(realm).path("requests").asLong();
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < events; i++) {
            timeOne(tenant, BenchWorld.companyUpdated("idle-" + i, "Idle Company " + i, "changed-" + i + "@bench.example"))
                    .ifPresent(latencies::add);
        }
        double callsPerEvent = (world.stats(realm).path("requests").asLong() - requestsBefore) / (double) events;
        double sandboxMs = callsPerEvent * world.latencyMs();
        double p50 = Samples.percentile(latencies, 50) - sandboxMs;
        double p99 = Samples.percentile(latencies, 99) - sandboxMs;
        return new Figure("P6", "idle latency p50 above the sandbox", p50, "ms", world.latencyMs(),
                "ms sandbox latency per call", String.format(Locale.ROOT,
                        "%d company changes one at a time; %.1f QBO calls per event, each %d ms at the sandbox "
                                + "(%.0f ms subtracted); p99 above the sandbox %.0f ms; %d of %d SYNCED; a new "
                                + "company (lookups at once, then the write): p50 %.0f ms, p99 %.0f ms in all",
                        events, callsPerEvent, world.latencyMs(), sandboxMs, p99, latencies.size(), events,
                        Samples.percentile(creates, 50), Samples.percentile(creates, 99)));
    }

    /** Posts one event and waits for it: the milliseconds from the post to its SYNCED outcome, if it was. */
    private Optional<Double> timeOne(String tenant, Map<String, Object> event) {
        Instant posted = Instant.now();
        String eventId = world.post(tenant, event);
        JsonNode outcome = world.awaitOutcome(tenant, eventId, Duration.ofSeconds(60));
        return outcome != null && BenchWorld.is(outcome, "SYNCED")
                ? Optional.of((double) Duration.between(posted, BenchWorld.occurredAt(outcome)).toMillis())
                : Optional.empty();
    }

    /**
     * P5: a backlog of events the settings skip, queued while cp-outbound is stopped, settled after it starts:
     * outcomes per second from the first to the last, for one tenant and for many, against Kafka's own
     * ConsumerPerformance reading as many records of the same topic on the same broker.
     */
    Figure filterStage() throws Exception {
        int events = options.scaled(2_000, 10_000);
        int manyTenants = options.scaled(10, 50);
        List<String> tenants = new ArrayList<>();
        for (int t = 0; t < manyTenants; t++) {
            tenants.add("bench-skip-" + t);
            world.tenant("bench-skip-" + t, String.valueOf(9410000 + t), BenchWorld.SKIP_EVERYTHING);
        }
        double oneTenant = settle(List.of(tenants.get(0)), events);
        double many = settle(tenants, events);
        double consumerPerformance = consumerPerformance(events);
        return new Figure("P5", "filter stage, one tenant", oneTenant, "events/s", consumerPerformance,
                "events/s Kafka ConsumerPerformance", String.format(Locale.ROOT,
                        "%d SKIPPED_BY_SETTINGS events settled by one cp-outbound instance; %d tenants: %.0f events/s "
                                + "(%.2f of the anchor)", events, manyTenants, many, many / consumerPerformance));
    }

    private double settle(List<String> tenants, int events) throws IOException {
        Map<String, Integer> before = new HashMap<>();
        for (String tenant : tenants) {
            before.put(tenant, world.outcomes(tenant).size());
        }
        List<String> command = world.stack().kill(ControllableStack.OUTBOUND);
        postInParallel(events, i -> {
            String tenant = tenants.get(i % tenants.size());
            world.post(tenant, BenchWorld.company("skip-" + i, "Skipped Company " + i));
        });
        world.stack().startAgain(ControllableStack.OUTBOUND, command);
        List<Instant> settled = new ArrayList<>();
        for (String tenant : tenants) {
            int expected = events / tenants.size() + (tenants.indexOf(tenant) < events % tenants.size() ? 1 : 0);
            List<JsonNode> all = world.awaitOutcomes(tenant, outcome -> true, before.get(tenant) + expected,
                    Duration.ofMinutes(10));
            all.stream().skip(before.get(tenant)).map(BenchWorld::occurredAt).forEach(settled::add);
        }
        return Samples.perSecond(settled);
    }

    /** Kafka's ConsumerPerformance on the events topic: its steady fetch rate (fetch.nMsg.sec) over {@code records}. */
    private double consumerPerformance(int records) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process process = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
                "org.apache.kafka.tools.ConsumerPerformance", "--bootstrap-server",
                world.stack().config().kafkaBootstrapServers(), "--topic", EVENTS_TOPIC,
                "--messages", String.valueOf(records), "--timeout", "60000")
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        process.waitFor(2, TimeUnit.MINUTES);
        return ConsumerPerformanceOutput.fetchRate(output);
    }

    /**
     * P1: one realm with both services busy (companies out, customers in) for a window: requests a minute the
     * sandbox counted for the realm, less the bench's own calls, against QBO's 500; and how many were 429s. Single
     * calls, as the issue names it: cp-outbound runs with batching off meanwhile (a batch carries up to 30 calls in
     * one request, so with it the request count no longer tells how much of the budget the work used).
     */
    Figure bothDirectionsBusy() throws Exception {
        List<String> command = world.stack().kill(ControllableStack.OUTBOUND);
        List<String> singleCalls = new ArrayList<>(command);
        singleCalls.add("--app.qbo.batching.enabled=false");
        world.stack().startAgain(ControllableStack.OUTBOUND, singleCalls);
        try {
            return bothDirectionsBusyWithSingleCalls();
        }
        finally {
            world.stack().kill(ControllableStack.OUTBOUND);
            world.stack().startAgain(ControllableStack.OUTBOUND, command);
        }
    }

    private Figure bothDirectionsBusyWithSingleCalls() throws Exception {
        String tenant = "bench-busy";
        String realm = "9420001";
        Map<String, Object> settings = new HashMap<>(BenchWorld.COMPANIES_OUT);
        settings.put("getNewCompaniesFromQbo", true);
        world.tenant(tenant, realm, settings);
        Duration window = Duration.ofSeconds(options.scaled(60, 180));
        int outbound = options.scaled(300, 900);
        int inbound = options.scaled(100, 300);
        JsonNode before = world.stats(realm);
        Instant start = Instant.now();
        ExecutorService load = Executors.newFixedThreadPool(2);
        Future<?> companies = load.submit(() -> postInParallel(outbound,
                i -> world.post(tenant, BenchWorld.company("busy-" + i, "Busy Company " + i))));
        Future<?> customers = load.submit(() -> {
            for (int i = 0; i < inbound && Instant.now().isBefore(start.plus(window)); i++) {
                world.qbo().saveAsUser(realm, "Customer", Map.of("DisplayName", "Walk-in Customer " + i));
                Pause.of(window.dividedBy(inbound));
            }
        });
        Pause.of(Duration.between(Instant.now(), start.plus(window)));
        JsonNode after = world.stats(realm);
        double minutes = Duration.between(start, Instant.now()).toMillis() / 60_000.0;
        companies.get();
        customers.cancel(true);
        load.shutdownNow();
        long requests = after.path("requests").asLong() - before.path("requests").asLong();
        long throttled = after.path("byStatus").path("429").asLong() - before.path("byStatus").path("429").asLong();
        double perMinute = requests / minutes;
        // the rest of the load drains before the next scenario, which would otherwise share cp-outbound with it
        world.awaitOutcomes(tenant, outcome -> "TO_QBO".equals(outcome.path("direction").asString()), outbound,
                Duration.ofMinutes(10));
        return new Figure("P1", "both directions busy, one realm", perMinute, "requests/min", QBO_REQUESTS_PER_MINUTE,
                "QBO's requests/min per realm", String.format(Locale.ROOT,
                        "%.1f min window, %d company events out (cp-outbound with batching off: single calls) and up "
                                + "to %d customers made in QBO's screens (unmetered) coming in; 429s: %d", minutes, outbound,
                        inbound, throttled));
    }

    /**
     * P4: a mixed burst made in QBO (new customers, then a change to each): metered reads qbo-inbound spent per
     * change, against one read per notification.
     */
    Figure metered() {
        String tenant = "bench-reads";
        String realm = "9430001";
        world.tenant(tenant, realm, Map.of("getNewCompaniesFromQbo", true, "getCompanyChangesFromQbo", true));
        int customers = options.scaled(30, 100);
        JsonNode before = world.stats(realm);
        int inboundBefore = inbound(world.outcomes(tenant)).size();
        List<JsonNode> made = new ArrayList<>();
        for (int i = 0; i < customers; i++) {
            made.add(world.qbo().saveAsUser(realm, "Customer", Map.of("DisplayName", "Burst Customer " + i)));
        }
        for (JsonNode customer : made) {
            world.qbo().saveAsUser(realm, "Customer", Map.of("Id", customer.path("Id").asString(),
                    "SyncToken", customer.path("SyncToken").asString(), "sparse", true,
                    "PrimaryEmailAddr", Map.of("Address", "burst@bench.example")));
        }
        int changes = customers * 2;
        // at least one outcome per customer; changes close together may be collapsed into one
        world.awaitOutcomes(tenant, Scenarios::fromQbo, inboundBefore + customers, Duration.ofMinutes(5));
        JsonNode after = awaitQuiet(realm);
        long reads = after.path("reads").asLong() - before.path("reads").asLong();
        return new Figure("P4", "metered reads per inbound change", reads / (double) changes, "reads/change", 1.0,
                "read per notification", String.format(Locale.ROOT,
                        "%d changes (%d creates, %d updates) made in QBO's screens (unmetered); %d reads by qbo-inbound",
                        changes, customers, customers, reads));
    }

    private static List<JsonNode> inbound(List<JsonNode> outcomes) {
        return outcomes.stream().filter(Scenarios::fromQbo).toList();
    }

    private static boolean fromQbo(JsonNode outcome) {
        return "FROM_QBO".equals(outcome.path("direction").asString());
    }

    /** The realm's counters once nothing has called it for a few seconds. */
    private JsonNode awaitQuiet(String realm) {
        JsonNode last = world.stats(realm);
        for (int quietChecks = 0; quietChecks < 5; ) {
            Pause.of(Duration.ofSeconds(1));
            JsonNode now = world.stats(realm);
            quietChecks = now.path("requests").asLong() == last.path("requests").asLong() ? quietChecks + 1 : 0;
            last = now;
        }
        return last;
    }

    /** P2: a backlog of new companies and their invoices for one realm, queued, then written: writes a minute. */
    Figure bulk() throws Exception {
        String tenant = "bench-bulk";
        String realm = "9440001";
        Map<String, Object> settings = new HashMap<>(BenchWorld.COMPANIES_OUT);
        settings.put("serviceInvoicesToQbo", "WHEN_CREATED");
        world.tenant(tenant, realm, settings);
        int companies = options.scaled(150, 2_500);
        List<JsonNode> earlier = world.outcomes(tenant);
        int before = earlier.size();
        long syncedBefore = earlier.stream().filter(o -> BenchWorld.is(o, "SYNCED")).count();
        List<String> command = world.stack().kill(ControllableStack.OUTBOUND);
        for (int i = 0; i < companies; i++) {
            world.post(tenant, BenchWorld.company("bulk-" + i, "Bulk Company " + i));
        }
        postInParallel(companies, i -> world.post(tenant,
                BenchWorld.serviceInvoice("bulk-inv-" + i, "bulk-" + i, "B-" + i)));
        JsonNode statsBefore = world.stats(realm);
        world.stack().startAgain(ControllableStack.OUTBOUND, command);
        // an invoice's event also has its ticket's outcome (tickets stay out): wait for the writes, not for outcomes
        world.awaitOutcomes(tenant, o -> BenchWorld.is(o, "SYNCED"), (int) syncedBefore + companies * 2,
                Duration.ofMinutes(options.scaled(10, 90)));
        List<JsonNode> outcomes = world.outcomes(tenant);
        List<Instant> written = outcomes.stream().skip(before).filter(o -> BenchWorld.is(o, "SYNCED"))
                .map(BenchWorld::occurredAt).toList();
        JsonNode statsAfter = world.stats(realm);
        // by result and entity, and by reason but for SYNCED: what a surprising count is made of
        Map<String, Long> results = outcomes.stream().skip(before)
                .collect(Collectors.groupingBy(o -> o.path("result").asString() + " " + o.path("entityType").asString()
                        + (BenchWorld.is(o, "SYNCED") ? "" : " (" + o.path("reason").asString() + ")"),
                        TreeMap::new, Collectors.counting()));
        return new Figure("P2", "bulk entity writes, one realm", Samples.perMinute(written), "writes/min", 1_000,
                "writes/min target", String.format(Locale.ROOT,
                        "%d companies + %d invoices queued, then written; outcomes %s; %d QBO requests, %d 429s",
                        companies, companies, results, statsAfter.path("requests").asLong()
                                - statsBefore.path("requests").asLong(),
                        statsAfter.path("byStatus").path("429").asLong()
                                - statsBefore.path("byStatus").path("429").asLong()));
    }

    /**
     * P3: small tenants sending an event every few seconds beside one tenant whose backlog was queued first: the
     * small tenants' p99 event → outcome. Anchor: the same, with tenants and realms of its own, while cp-outbound
     * runs with fairness off ({@code app.work.queue-by=partition}: one FIFO per partition, as a plain consumer
     * would have it); an event not settled within the wait counts as the wait (a lower bound of its latency).
     */
    Figure fairness() throws Exception {
        int smallTenants = options.scaled(10, 50);
        int backlog = options.scaled(300, 20_000);
        int rounds = options.scaled(10, 30);
        SmallTenants fair = smallTenantsBesideABacklog("bench-small-", "bench-big", 9450000, smallTenants, backlog,
                rounds, List.of());
        SmallTenants unfair = smallTenantsBesideABacklog("bench-unfair-small-", "bench-unfair-big", 9460000,
                smallTenants, backlog, rounds, List.of("--app.work.queue-by=partition"));
        return new Figure("P3", "fairness, small tenants' p99 beside a backlog", fair.p99() / 1000, "s",
                unfair.p99() / 1000, "s p99 with fairness off", String.format(Locale.ROOT,
                        "%d small tenants × %d events, every 3 s, beside a backlog of %d company creates; fair: p50 "
                                + "%.2f s, %d of the backlog done when the last small event settled; fairness off (one "
                                + "queue per partition): p50 %.2f s, %d of %d small events not settled %d s after the last was sent (counted as that long); "
                                + "each backlog's rest then settled as skipped (its settings turned off)",
                        smallTenants, rounds, backlog, fair.p50() / 1000, fair.backlogDone(), unfair.p50() / 1000,
                        unfair.unsettled(), smallTenants * rounds, SMALL_EVENT_WAIT.toSeconds()));
    }

    private record SmallTenants(double p50, double p99, long backlogDone, int unsettled) {
    }

    /**
     * Queues a backlog for {@code big} while cp-outbound is down, starts it again with {@code extraArgs}, sends the
     * small tenants' events beside it, and waits until the backlog is done, so that it never shows in what follows.
     * Once the small events are measured, the big tenant's settings turn companies off, so the rest of its backlog
     * settles as skipped in minutes instead of the hours its creates would take at one realm's budget.
     */
    private SmallTenants smallTenantsBesideABacklog(String smallPrefix, String big, int firstRealm, int smallTenants,
            int backlog, int rounds, List<String> extraArgs) throws Exception {
        for (int t = 0; t < smallTenants; t++) {
            world.tenant(smallPrefix + t, String.valueOf(firstRealm + t), BenchWorld.COMPANIES_OUT);
        }
        world.tenant(big, String.valueOf(firstRealm + 9999), BenchWorld.COMPANIES_OUT);
        List<String> command = world.stack().kill(ControllableStack.OUTBOUND);
        int bigBefore = world.outcomes(big).size();
        postInParallel(backlog, i -> world.post(big, BenchWorld.company("big-" + i, "Big Backlog " + i)));
        List<String> started = new ArrayList<>(command);
        started.addAll(extraArgs);
        world.stack().startAgain(ControllableStack.OUTBOUND, started);
        // measured from when the backlog is being worked on, not while the restarted instance joins its group
        world.awaitOutcomes(big, outcome -> true, bigBefore + 1, Duration.ofMinutes(3));
        Map<String, Instant> posted = new ConcurrentHashMap<>();
        Map<String, String> tenantOf = new ConcurrentHashMap<>();
        Map<String, Integer> roundOf = new ConcurrentHashMap<>();
        for (int round = 0; round < rounds; round++) {
            for (int t = 0; t < smallTenants; t++) {
                String tenant = smallPrefix + t;
                Instant at = Instant.now();
                String eventId = world.post(tenant, BenchWorld.company("small-" + round, "Small " + t + " " + round));
                posted.put(eventId, at);
                tenantOf.put(eventId, tenant);
                roundOf.put(eventId, round);
            }
            Pause.of(Duration.ofSeconds(3));
        }
        Map<String, Double> latencyOf = new HashMap<>();
        int unsettled = 0;
        Instant deadline = Instant.now().plus(SMALL_EVENT_WAIT);
        for (Map.Entry<String, Instant> event : posted.entrySet()) {
            Duration left = Duration.between(Instant.now(), deadline);
            JsonNode outcome = world.awaitOutcome(tenantOf.get(event.getKey()), event.getKey(),
                    left.isNegative() ? Duration.ZERO : left);
            double latency = outcome == null ? Duration.between(event.getValue(), deadline).toMillis()
                    : Duration.between(event.getValue(), BenchWorld.occurredAt(outcome)).toMillis();
            unsettled += outcome == null ? 1 : 0;
            latencyOf.put(event.getKey(), latency);
        }
        // where the tail is: the first rounds (the intake still reading the backlog) or some tenants (its partition)
        log.info("P3 {}: slowest small events (round, tenant, seconds): {}", smallPrefix, latencyOf.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(20)
                .map(e -> String.format(Locale.ROOT, "(%d, %s, %.1f)", roundOf.get(e.getKey()), tenantOf.get(e.getKey()),
                        e.getValue() / 1000)).toList());
        long backlogDone = world.outcomes(big).size() - bigBefore;
        world.settings(big, BenchWorld.SKIP_EVERYTHING);
        world.awaitOutcomes(big, outcome -> true, bigBefore + backlog, Duration.ofMinutes(30));
        if (!extraArgs.isEmpty()) {
            world.stack().kill(ControllableStack.OUTBOUND);
            world.stack().startAgain(ControllableStack.OUTBOUND, command);
        }
        return new SmallTenants(Samples.percentile(latencyOf.values(), 50), Samples.percentile(latencyOf.values(), 99),
                backlogDone, unsettled);
    }

    /** Posts events 1..n from 8 threads: the stand-in's POST is the slow part of queuing a backlog. */
    private static void postInParallel(int count, IntConsumer poster) {
        ExecutorService posters = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> posts = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                posts.add(posters.submit(() -> poster.accept(index)));
            }
            for (Future<?> post : posts) {
                post.get();
            }
        }
        catch (Exception ex) {
            throw new IllegalStateException("posting the events failed: " + ex, ex);
        }
        finally {
            posters.shutdownNow();
        }
    }
}
