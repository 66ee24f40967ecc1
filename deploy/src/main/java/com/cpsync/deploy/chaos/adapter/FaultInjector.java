package com.cpsync.deploy.chaos.adapter;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.deploy.ControllableStack;
import com.cpsync.deploy.chaos.faults.Fault;
import com.cpsync.deploy.demo.ExpectationNotMetException;
import com.cpsync.deploy.demo.JsonHttp;

/**
 * Applies scheduled faults. Sandbox settings are PUT at once; process faults run in the background,
 * one queue for a service's kills, one for its second instance and one for Kafka, so the workload keeps
 * flowing while a service restarts, a kill does not wait for a second instance to come up, and a second
 * instance is stopped only after it has come up and run for a while.
 */
public final class FaultInjector implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FaultInjector.class);
    /** A second instance runs at least this long once healthy, so its group really rebalances in and out. */
    private static final Duration SECOND_INSTANCE_RUNS_AT_LEAST = Duration.ofSeconds(15);

    private final ControllableStack stack;
    private final JsonHttp http;
    private final Map<String, ExecutorService> queues = new ConcurrentHashMap<>();
    private final Map<String, ProcessHandle> secondInstances = new ConcurrentHashMap<>();
    private final Map<String, Instant> secondInstanceUpAt = new ConcurrentHashMap<>();
    private final List<String> journal = Collections.synchronizedList(new ArrayList<>());

    public FaultInjector(ControllableStack stack, JsonHttp http) {
        this.stack = stack;
        this.http = http;
    }

    public void apply(Fault fault) {
        switch (fault.kind()) {
            case REALM_FAULTS:
                put("/admin/realms/" + fault.target() + "/faults", fault);
                break;
            case WEBHOOK_FAULTS:
                put("/admin/webhooks", fault);
                break;
            case KILL_SERVICE:
                inBackground(fault.target(), fault, () -> stack.startAgain(fault.target(), stack.kill(fault.target())));
                break;
            case SECOND_INSTANCE_UP:
                inBackground(fault.target() + " #2", fault, () -> {
                    secondInstances.put(fault.target(), stack.startSecondInstance(fault.target(), freePort()));
                    secondInstanceUpAt.put(fault.target(), Instant.now());
                });
                break;
            case SECOND_INSTANCE_DOWN:
                inBackground(fault.target() + " #2", fault, () -> stopSecondInstance(fault.target()));
                break;
            default:
                inBackground("kafka", fault, stack::restartKafka);
        }
    }

    /** Waits for the background faults (restarts, second instances) to finish. */
    public void awaitBackgroundFaults(Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        for (ExecutorService queue : queues.values()) {
            queue.shutdown();
            long left = Math.max(1, Duration.between(Instant.now(), deadline).toMillis());
            if (!queue.awaitTermination(left, TimeUnit.MILLISECONDS)) {
                journal.add("background faults still running after " + timeout.toSeconds() + " s");
            }
        }
    }

    /** What was applied, when, and what failed. */
    public List<String> journal() {
        return List.copyOf(journal);
    }

    @Override
    public void close() {
        queues.values().forEach(ExecutorService::shutdownNow);
        secondInstances.values().forEach(stack::stopInstance);
    }

    private void stopSecondInstance(String service) throws InterruptedException {
        Instant upAt = secondInstanceUpAt.get(service);
        ProcessHandle instance = secondInstances.remove(service);
        if (instance == null) {
            throw new IllegalStateException("no second instance of " + service + " is running");
        }
        Duration ran = Duration.between(upAt, Instant.now());
        if (ran.compareTo(SECOND_INSTANCE_RUNS_AT_LEAST) < 0) {
            Thread.sleep(SECOND_INSTANCE_RUNS_AT_LEAST.minus(ran).toMillis());
        }
        stack.stopInstance(instance);
    }

    private void put(String path, Fault fault) {
        try {
            JsonHttp.Answer answer = http.put(stack.url(ControllableStack.SANDBOX) + path, fault.settings());
            record(fault, answer.isSuccess() ? "applied" : "REFUSED " + answer.status() + " " + answer.text());
        }
        catch (ExpectationNotMetException ex) {
            record(fault, "FAILED " + ex.getMessage());
        }
    }

    private interface Action {
        void run() throws Exception;
    }

    private void inBackground(String queue, Fault fault, Action action) {
        queues.computeIfAbsent(queue, name -> Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chaos-" + name);
            thread.setDaemon(true);
            return thread;
        })).execute(() -> {
            Instant began = Instant.now();
            try {
                action.run();
                record(fault, "done in " + Duration.between(began, Instant.now()).toSeconds() + " s");
            }
            catch (Exception ex) {
                record(fault, "FAILED " + ex);
            }
        });
    }

    private void record(Fault fault, String what) {
        String line = Instant.now() + " " + fault.describe() + ": " + what;
        journal.add(line);
        log.info("fault {}", line);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
