package com.cpsync.deploy.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.deploy.ControllableStack;
import com.cpsync.deploy.LocalStack;
import com.cpsync.deploy.StackConfig;
import com.cpsync.deploy.chaos.adapter.ConsumerLag;
import com.cpsync.deploy.chaos.adapter.FaultInjector;
import com.cpsync.deploy.chaos.adapter.SnapshotReader;
import com.cpsync.deploy.chaos.adapter.WorkloadPlayer;
import com.cpsync.deploy.chaos.audit.AuditReport;
import com.cpsync.deploy.chaos.audit.Auditor;
import com.cpsync.deploy.chaos.audit.PlayedStep;
import com.cpsync.deploy.chaos.faults.Fault;
import com.cpsync.deploy.chaos.faults.FaultSchedule;
import com.cpsync.deploy.chaos.workload.Step;
import com.cpsync.deploy.chaos.workload.TenantPlan;
import com.cpsync.deploy.chaos.workload.Workload;
import com.cpsync.deploy.chaos.workload.WorkloadGenerator;
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
    private static final Duration PLAY_DRAIN_TIMEOUT = Duration.ofMinutes(10);
    private static final Duration BACKGROUND_FAULTS_TIMEOUT = Duration.ofMinutes(5);
    private static final Duration RECONCILIATION_TIMEOUT = Duration.ofMinutes(5);

    /** The verdict, the lines to print (the final line last), and what the faults did. */
    public record Result(AuditReport report, Reconciliations reconciliations, List<String> lines,
            List<String> faultJournal, boolean settled) {

        /** Nothing lost, duplicated or mismatched, and every tenant's books reconcile (no unexplained difference). */
        public boolean clean() {
            return report.clean() && reconciliations.clean();
        }
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
            new TenantSetup(workload, new StandInApi(http, stack.url(ControllableStack.CENTERPOINT)), options.seed(),
                    config.logsDir()).connectAndConfigure();
            List<PlayedStep> played = play(stack, faults);
            log.info("Workload played ({} of {} steps); waiting for restarts and second instances to finish", played.stream()
                    .filter(PlayedStep::played).count(), played.size());
            faults.awaitBackgroundFaults(BACKGROUND_FAULTS_TIMEOUT);
            SnapshotReader reader = new SnapshotReader(workload, http, stack.url(ControllableStack.CENTERPOINT),
                    stack.url(ControllableStack.SANDBOX));
            Settling.Settled settled = new Settling(workload, reader, lag, Quiescence.quietPeriodFor(tuning.cdcInterval()),
                    options.settleTimeout()).await(played);
            AuditReport report = Auditor.audit(workload, played, settled.qbo(), settled.centerpoint());
            List<String> journal = faults.journal();
            log.info("Audited; reconciling every tenant");
            Reconciliations reconciliations = new ReconciliationRound(LocalStack.opsConsole(http,
                    stack.url(ControllableStack.OPS_CONSOLE)), workload.tenants().stream().map(TenantPlan::tenantId)
                    .toList(), RECONCILIATION_TIMEOUT).run();
            log.info("Reconciled; stopping the stack");
            List<String> lines = new ArrayList<>(lines(report, journal, settled));
            lines.addAll(lines.size() - 1, reconciliations.lines());
            return new Result(report, reconciliations, lines, journal, settled.settled());
        }
        finally {
            removeHook(stopOnCtrlC);
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
        catch (ExecutionException | TimeoutException ex) {
            future.cancel(true);
            return PlayedStep.notPlayed(step, "not played in time: " + ex);
        }
    }

    private List<String> lines(AuditReport report, List<String> journal, Settling.Settled settled) {
        List<String> lines = new ArrayList<>();
        lines.add("faults applied:");
        journal.forEach(entry -> lines.add("  " + entry));
        if (!settled.settled()) {
            lines.add("NOT SETTLED within " + options.settleTimeout().toSeconds() + " s: what was still in flight counts as lost");
        }
        lines.addAll(report.render((step, tenant) -> schedule.inEffectAt(step, workload.tenant(tenant).realmId())));
        return lines;
    }

    private static void sleepUntil(Instant when) throws InterruptedException {
        long millis = Duration.between(Instant.now(), when).toMillis();
        if (millis > 0) {
            Thread.sleep(millis);
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
