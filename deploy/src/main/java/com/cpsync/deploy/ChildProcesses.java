package com.cpsync.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processes the launcher started, each logging to its own file; stops them all, newest first,
 * together with anything they started themselves.
 */
final class ChildProcesses {

    private static final Logger log = LoggerFactory.getLogger(ChildProcesses.class);
    private static final long GRACE_SECONDS = 20;

    record Child(String name, Process process, Path logFile) {
    }

    private final List<Child> children = Collections.synchronizedList(new ArrayList<>());
    private final BiConsumer<String, ProcessHandle> onStart;

    ChildProcesses() {
        this((name, process) -> { });
    }

    /** @param onStart told of each process as soon as it runs (the launcher records it in its pid file) */
    ChildProcesses(BiConsumer<String, ProcessHandle> onStart) {
        this.onStart = onStart;
    }

    Child start(String name, List<String> command, Map<String, String> env, Path logFile) throws IOException {
        Files.createDirectories(logFile.getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(logFile.toFile());
        builder.environment().putAll(env);
        Child child = new Child(name, builder.start(), logFile);
        children.add(child);
        onStart.accept(name, child.process().toHandle());
        return child;
    }

    /** Runs a command to completion (e.g. formatting Kafka's storage) and fails when it does. */
    void runToCompletion(String name, List<String> command, Path logFile, long timeoutSeconds)
            throws IOException, InterruptedException {
        Files.createDirectories(logFile.getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(logFile.toFile()).start();
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(name + " did not finish within " + timeoutSeconds + " s, see " + logFile);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed with exit code " + process.exitValue() + ", see " + logFile);
        }
    }

    void stopAll() {
        List<Child> newestFirst = new ArrayList<>(children);
        Collections.reverse(newestFirst);
        newestFirst.forEach(child -> {
            child.process().descendants().forEach(ProcessHandle::destroy);
            child.process().destroy();
        });
        for (Child child : newestFirst) {
            stop(child);
        }
        children.clear();
    }

    private static void stop(Child child) {
        try {
            if (!child.process().waitFor(GRACE_SECONDS, TimeUnit.SECONDS)) {
                log.info("{} did not stop within {} s, killing it", child.name(), GRACE_SECONDS);
                child.process().descendants().forEach(ProcessHandle::destroyForcibly);
                child.process().destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            child.process().destroyForcibly();
        }
    }
}
