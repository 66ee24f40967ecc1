package com.cpsync.deploy.chaos;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.ControllableStack;
import com.cpsync.deploy.StackConfig;
import com.cpsync.deploy.chaos.adapter.ConsumerLag;
import com.cpsync.deploy.chaos.adapter.FaultInjector;
import com.cpsync.deploy.chaos.adapter.SnapshotReader;
import com.cpsync.deploy.chaos.adapter.WorkloadPlayer;
import com.cpsync.deploy.chaos.audit.AuditReport;
import com.cpsync.deploy.chaos.audit.Auditor;
import com.cpsync.deploy.chaos.audit.CenterpointSnapshot;
import com.cpsync.deploy.chaos.audit.PlayedStep;
import com.cpsync.deploy.chaos.audit.QboSnapshot;
import com.cpsync.deploy.chaos.faults.Fault;
import com.cpsync.deploy.chaos.faults.FaultSchedule;
import com.cpsync.deploy.chaos.workload.Step;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Workload;
import com.cpsync.deploy.chaos.workload.WorkloadGenerator;
import com.cpsync.deploy.demo.ExpectationNotMetException;
import com.cpsync.deploy.demo.JsonHttp;
import com.cpsync.deploy.demo.StandInApi;

/**
 * One chaos run: starts the local stack, connects the tenants and publishes their settings, plays the
 * workload while the schedule's faults strike, waits until the stack has settled, audits, stops
 * everything. The workload and the faults come from the seed; the HTTP and process work is in the
 * adapters.
 */
public final class ChaosRun {

    private static final Logger log = LoggerFactory.getLogger(ChaosRun.class);
    private static final Duration SETUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration PLAY_DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration BACKGROUND_FAULTS_TIMEOUT = Duration.ofMinutes(5);

    /** The verdict, the lines to print (the final line last), and what the faults did. */
    public record Result(AuditReport report, List<String> lines, List<String> faultJournal, boolean settled) {
    }

    private final ChaosOptions options;
    private final StackConfig config;
    private final Tuning tuning;
    private final Workload workload;
    private final FaultSchedule schedule;
    private final JsonHttp http = new JsonHttp();

    public ChaosRun(ChaosOptions options, StackConfig config, Tuning tuning) {
        this.options = options;
        this.config = config;
        this.tuning = tuning;
        this.workload = WorkloadGenerator.generate(options.seed(), options.events(), options.tenants());
        this.schedule = FaultSchedule.plan(options.seed(), options.events(),
                workload.tenants().stream().map(TenantPlan::realmId).toList(), tuning.lateReplyMs());
    }

    public Result run() throws Exception {
        log.info("Chaos run: {} steps over {} tenants, seed {}, {} steps/s; faults:", options.events(), options.tenants(),
                options.seed(), options.rate());
        schedule.faults().forEach(fault -> log.info("  {}", fault.describe()));
        ControllableStack stack = ControllableStack.start(config);
        Thread stopOnCtrlC = new Thread(stack::close, "stop-chaos-stack");
        Runtime.getRuntime().addShutdownHook(stopOnCtrlC);
        try (stack; ConsumerLag lag = new ConsumerLag(config.kafkaBootstrapServers());
                FaultInjector faults = new FaultInjector(stack, http)) {
            setUpTenants(stack);
            List<PlayedStep> played = play(stack, faults);
            log.info("Workload played ({} of {} steps); waiting for restarts and second instances to finish", played.stream()
                    .filter(PlayedStep::played).count(), played.size());
            faults.awaitBackgroundFaults(BACKGROUND_FAULTS_TIMEOUT);
            SnapshotReader reader = new SnapshotReader(workload, http, stack.url(ControllableStack.CENTERPOINT),
                    stack.url(ControllableStack.SANDBOX));
            Settled settled = settle(reader, lag, played);
            AuditReport report = Auditor.audit(workload, played, settled.qbo(), settled.centerpoint());
            List<String> journal = faults.journal();
            log.info("Audited; stopping the stack");
            return new Result(report, lines(report, journal, settled), journal, settled.settled());
        }
        finally {
            removeHook(stopOnCtrlC);
        }
    }

    private void setUpTenants(ControllableStack stack) {
        StandInApi centerpoint = new StandInApi(http, stack.url(ControllableStack.CENTERPOINT));
        for (TenantPlan tenant : workload.tenants()) {
            retry("connecting " + tenant.tenantId(), () -> centerpoint.connect(tenant.tenantId(), tenant.realmId()));
            retry("settings of " + tenant.tenantId(), () -> centerpoint.putSettings(tenant.tenantId(), tenant.profile().settings()));
        }
        for (TenantPlan tenant : workload.tenants()) {
            awaitSettingsTaken(centerpoint, tenant);
        }
        log.info("{} tenants connected, settings in effect", workload.tenants().size());
    }

    /**
     * A canary company per tenant (not audited): its outcome shows cp-outbound has read the tenant's
     * settings (a tenant without settings is NEVER), so no workload event meets a service that has not.
     */
    private void awaitSettingsTaken(StandInApi centerpoint, TenantPlan tenant) {
        Instant deadline = Instant.now().plus(SETUP_TIMEOUT);
        int attempt = 0;
        while (Instant.now().isBefore(deadline)) {
            String eventId = UUID.nameUUIDFromBytes(("canary:" + options.seed() + ":" + tenant.tenantId() + ":" + attempt++)
                    .getBytes(StandardCharsets.UTF_8)).toString();
            Map<String, Object> event = new LinkedHashMap<>();
            event.put("type", attempt == 1 ? "CompanyCreated" : "CompanyUpdated");
            event.put("eventId", eventId);
            event.put("company", Map.of("id", "co-canary", "name", "Z0000 Canary " + tenant.tenantId(),
                    "email", "canary@example.com"));
            retry("canary of " + tenant.tenantId(), () -> centerpoint.postEvent(tenant.tenantId(), event));
            Instant canaryDeadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(canaryDeadline)) {
                List<JsonNode> outcomes = outcomesOf(centerpoint, tenant.tenantId()).stream()
                        .filter(o -> eventId.equals(o.path("causationId").asString())).toList();
                if (!outcomes.isEmpty()) {
                    if (outcomes.stream().noneMatch(o -> o.path("reason").asString("").contains("NEVER"))) {
                        return;
                    }
                    break;
                }
                pause(Duration.ofSeconds(1));
            }
        }
        throw new IllegalStateException("cp-outbound-service never took the settings of " + tenant.tenantId()
                + " (canary company); see " + config.logsDir());
    }

    /** A busy machine may keep the stand-in from answering in time: that is "nothing yet". */
    private static List<JsonNode> outcomesOf(StandInApi centerpoint, String tenantId) {
        try {
            return centerpoint.outcomes(tenantId);
        }
        catch (ExpectationNotMetException ex) {
            log.info("reading the outcomes of {} failed, reading again: {}", tenantId, ex.getMessage());
            return List.of();
        }
    }

    private List<PlayedStep> play(ControllableStack stack, FaultInjector faults) throws InterruptedException {
        WorkloadPlayer player = new WorkloadPlayer(workload, http, stack.url(ControllableStack.CENTERPOINT),
                stack.url(ControllableStack.SANDBOX));
        Map<String, ExecutorService> tenantQueues = new LinkedHashMap<>();
        workload.tenants().forEach(t -> tenantQueues.put(t.tenantId(), Executors.newSingleThreadExecutor()));
        List<Future<PlayedStep>> playing = new ArrayList<>();
        Instant start = Instant.now();
        List<Step> steps = workload.steps();
        try {
            for (Step step : steps) {
                sleepUntil(start.plusMillis((long) (step.index() * 1000 / options.rate())));
                schedule.at(step.index()).forEach(faults::apply);
                playing.add(tenantQueues.get(step.tenantId()).submit(() -> player.play(step)));
                if ((step.index() + 1) % Math.max(1, steps.size() / 10) == 0) {
                    log.info("dispatched {} of {} steps", step.index() + 1, steps.size());
                }
            }
            List<PlayedStep> played = new ArrayList<>();
            Instant deadline = Instant.now().plus(PLAY_DRAIN_TIMEOUT);
            for (int i = 0; i < playing.size(); i++) {
                played.add(result(playing.get(i), steps.get(i), deadline));
            }
            schedule.at(steps.size()).forEach(faults::apply);
            return played;
        }
        finally {
            tenantQueues.values().forEach(ExecutorService::shutdownNow);
        }
    }

    private static PlayedStep result(Future<PlayedStep> future, Step step, Instant deadline) throws InterruptedException {
        try {
            return future.get(Math.max(1, Duration.between(Instant.now(), deadline).toMillis()), TimeUnit.MILLISECONDS);
        }
        catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException ex) {
            future.cancel(true);
            return PlayedStep.notPlayed(step, "not played in time: " + ex);
        }
    }

    private record Settled(QboSnapshot qbo, CenterpointSnapshot centerpoint, boolean settled) {
    }

    private Settled settle(SnapshotReader reader, ConsumerLag lag, List<PlayedStep> played) {
        Quiescence quiescence = new Quiescence(Quiescence.quietPeriodFor(tuning.cdcInterval()));
        Instant deadline = Instant.now().plus(options.settleTimeout());
        log.info("Waiting for the stack to settle (at most {} s)", options.settleTimeout().toSeconds());
        while (true) {
            QboSnapshot qbo;
            CenterpointSnapshot centerpoint;
            try {
                qbo = reader.qbo();
                centerpoint = reader.centerpoint();
            }
            catch (ExpectationNotMetException ex) {
                if (Instant.now().isAfter(deadline)) {
                    throw ex;
                }
                log.info("reading the snapshots failed, reading again: {}", ex.getMessage());
                pause(Duration.ofSeconds(3));
                continue;
            }
            AuditReport report = Auditor.audit(workload, played, qbo, centerpoint);
            Map<String, Long> lagging = new LinkedHashMap<>(lag.byGroup());
            lagging.values().removeIf(value -> value == 0);
            long totalLag = lagging.values().stream().mapToLong(Long::longValue).reduce(0, (a, b) -> a + b < 0 ? Long.MAX_VALUE : a + b);
            if (quiescence.observe(Instant.now(), fingerprint(qbo, centerpoint), totalLag, report.clean())) {
                log.info("Settled: no consumer lag, nothing changed for the quiet period");
                return new Settled(qbo, centerpoint, true);
            }
            if (Instant.now().isAfter(deadline)) {
                log.warn("Did not settle within {} s (lagging groups: {}); auditing what is there", options.settleTimeout().toSeconds(),
                        lagging);
                return new Settled(qbo, centerpoint, false);
            }
            log.info("not settled yet: {}; lagging groups {}", report.finalLine(), lagging);
            pause(Duration.ofSeconds(3));
        }
    }

    private List<String> lines(AuditReport report, List<String> journal, Settled settled) {
        List<String> lines = new ArrayList<>();
        lines.add("faults applied:");
        journal.forEach(entry -> lines.add("  " + entry));
        if (!settled.settled()) {
            lines.add("NOT SETTLED within " + options.settleTimeout().toSeconds() + " s: what was still in flight counts as lost");
        }
        lines.addAll(report.render((step, tenant) -> schedule.inEffectAt(step, workload.tenant(tenant).realmId())));
        return lines;
    }

    private static String fingerprint(QboSnapshot qbo, CenterpointSnapshot centerpoint) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(qbo.toString().getBytes(StandardCharsets.UTF_8));
            digest.update(centerpoint.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void retry(String what, Runnable call) {
        Instant deadline = Instant.now().plus(SETUP_TIMEOUT);
        while (true) {
            try {
                call.run();
                return;
            }
            catch (ExpectationNotMetException ex) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException(what + " failed for " + SETUP_TIMEOUT.toSeconds() + " s: " + ex.getMessage(), ex);
                }
                log.info("{} failed, trying again: {}", what, ex.getMessage());
                pause(Duration.ofSeconds(2));
            }
        }
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
        }
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", ex);
        }
    }

    private static void removeHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        }
        catch (IllegalStateException ex) {
            // the JVM is already shutting down: the hook runs
        }
    }
}
