package com.cpsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongFunction;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.deploy.StackPidFile.Entry;

/**
 * Stops what an earlier launcher left running when it was killed outright: its Kafka broker,
 * PostgreSQL server and services would otherwise hold the stack's ports and data until reboot.
 * A launcher that is still alive is never touched: that stack is in use.
 */
final class Leftovers {

    private static final Logger log = LoggerFactory.getLogger(Leftovers.class);
    private static final Duration GRACE = Duration.ofSeconds(15);
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

    /** What to do about the recorded processes. */
    record Plan(Optional<Entry> runningLauncher, List<Entry> toStop) {
    }

    /** The process the system runs under a pid now; {@code started} is empty where the system does not tell. */
    record Running(Optional<Instant> started) {
    }

    private Leftovers() {
    }

    /** @param running what runs under a pid now, empty when nothing does */
    static Plan plan(List<Entry> recorded, LongFunction<Optional<Running>> running) {
        Entry launcher = null;
        List<Entry> toStop = new ArrayList<>();
        for (Entry entry : recorded) {
            if (!isStillOurs(entry, running.apply(entry.pid()))) {
                continue;
            }
            if (entry.name().equals(StackPidFile.LAUNCHER)) {
                launcher = entry;
            }
            else {
                toStop.add(entry);
            }
        }
        return new Plan(Optional.ofNullable(launcher), List.copyOf(toStop));
    }

    /** Alive, and (where both start times are known) started when we recorded it: not a reused pid. */
    private static boolean isStillOurs(Entry entry, Optional<Running> running) {
        if (running.isEmpty()) {
            return false;
        }
        Optional<Instant> started = running.get().started();
        if (started.isEmpty() || entry.started().isEmpty()) {
            return true;
        }
        Duration apart = Duration.between(entry.started().get(), started.get()).abs();
        return apart.compareTo(START_TIME_TOLERANCE) <= 0;
    }

    /** Stops the leftovers of the run recorded in {@code pidFile} and deletes its temporary directory. */
    static void cleanUp(StackPidFile pidFile) {
        StackPidFile.Contents recorded = pidFile.read();
        Plan plan = plan(recorded.processes(), pid -> ProcessHandle.of(pid).map(process -> new Running(process.info().startInstant())));
        if (plan.runningLauncher().isPresent() && plan.runningLauncher().get().pid() != ProcessHandle.current().pid()) {
            throw new IllegalStateException("another deploy/run-local (pid " + plan.runningLauncher().get().pid()
                    + ") is running from this checkout: stop it first (Ctrl-C in its terminal)");
        }
        if (!plan.toStop().isEmpty()) {
            log.info("Stopping what a killed launcher left running: {}", plan.toStop().stream()
                    .map(entry -> entry.name() + " (pid " + entry.pid() + ")").toList());
        }
        stopTrees(plan.toStop().stream().map(entry -> ProcessHandle.of(entry.pid())).flatMap(Optional::stream).toList());
        recorded.workDir().ifPresent(Leftovers::deleteQuietly);
        pidFile.delete();
    }

    /**
     * SIGTERM to every process and its descendants at once (they stop in parallel), SIGKILL to
     * whatever still runs after the grace period.
     */
    static void stopTrees(List<ProcessHandle> processes) {
        List<ProcessHandle> all = new ArrayList<>();
        for (ProcessHandle process : processes) {
            all.add(process);
            all.addAll(process.descendants().toList());
        }
        all.forEach(ProcessHandle::destroy);
        Instant deadline = Instant.now().plus(GRACE);
        for (ProcessHandle process : all) {
            try {
                long left = Math.max(0, Duration.between(Instant.now(), deadline).toMillis());
                process.onExit().get(left, TimeUnit.MILLISECONDS);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                break;
            }
            catch (Exception ex) {
                log.info("pid {} did not stop within {} s, killing it", process.pid(), GRACE.toSeconds());
            }
        }
        all.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    static void deleteQuietly(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
        catch (IOException | UncheckedIOException ex) {
            // a server may still be removing its own files while it exits: what is left is in the temp dir
            log.warn("Could not delete {}: {}", directory, ex.getMessage());
        }
    }
}
