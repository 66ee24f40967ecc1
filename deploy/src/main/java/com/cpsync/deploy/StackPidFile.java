package com.cpsync.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code .run-local/stack.pids}: the launcher and every process it started (PostgreSQL's server
 * included, though it is not the launcher's child), each with its start time so a pid the system
 * has since given to another program is never taken for ours, and the run's temporary directory.
 * Rewritten after each start, so a launcher killed outright (SIGKILL, no shutdown hook) still
 * leaves the next start a full list of what to stop.
 */
final class StackPidFile {

    static final String LAUNCHER = "launcher";

    /** One recorded process; {@code started} is empty where the system does not tell start times. */
    record Entry(String name, long pid, Optional<Instant> started) {

        static Entry of(String name, ProcessHandle process) {
            return new Entry(name, process.pid(), process.info().startInstant());
        }

        String line() {
            return "process " + name + " " + pid + " " + started.map(start -> String.valueOf(start.toEpochMilli())).orElse("-");
        }
    }

    /** What the file says. */
    record Contents(List<Entry> processes, Optional<Path> workDir) {
    }

    private final Path file;
    private final List<Entry> entries = new ArrayList<>();
    private Path workDir;

    StackPidFile(Path runDir) {
        this.file = runDir.resolve("stack.pids");
    }

    Contents read() {
        if (!Files.isRegularFile(file)) {
            return new Contents(List.of(), Optional.empty());
        }
        try {
            return parse(Files.readAllLines(file));
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not read " + file, ex);
        }
    }

    static Contents parse(List<String> lines) {
        List<Entry> processes = new ArrayList<>();
        Path workDir = null;
        for (String line : lines) {
            String[] fields = line.trim().split(" ");
            if (fields.length == 4 && fields[0].equals("process")) {
                Optional<Instant> started = fields[3].equals("-") ? Optional.empty()
                        : Optional.of(Instant.ofEpochMilli(Long.parseLong(fields[3])));
                processes.add(new Entry(fields[1], Long.parseLong(fields[2]), started));
            }
            else if (fields.length == 2 && fields[0].equals("workdir")) {
                workDir = Path.of(fields[1]);
            }
        }
        return new Contents(List.copyOf(processes), Optional.ofNullable(workDir));
    }

    synchronized void record(String name, ProcessHandle process) {
        entries.add(Entry.of(name, process));
        write();
    }

    synchronized void recordWorkDir(Path directory) {
        workDir = directory;
        write();
    }

    /** After a clean stop nothing is left to find. */
    synchronized void delete() {
        entries.clear();
        workDir = null;
        try {
            Files.deleteIfExists(file);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not delete " + file, ex);
        }
    }

    private void write() {
        List<String> lines = new ArrayList<>();
        entries.forEach(entry -> lines.add(entry.line()));
        if (workDir != null) {
            lines.add("workdir " + workDir);
        }
        try {
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling(file.getFileName() + ".next");
            Files.write(next, lines);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
        catch (IOException ex) {
            throw new UncheckedIOException("could not write " + file, ex);
        }
    }
}
