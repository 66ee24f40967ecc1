package com.cpsync.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local stack for tools that disturb it on purpose ({@code deploy/chaos}): started and stopped by
 * {@link RunningStack} as {@code deploy/run-local} does, plus SIGKILL and restart of one service, a
 * second instance of a service on another port, and a Kafka broker restart on the same data.
 * A process is found by its command line among this JVM's descendants (its jar and port, or Kafka's
 * main class), and started again with the very same command line, so nothing here repeats how the
 * launcher builds it.
 */
public final class ControllableStack implements AutoCloseable {

    public static final String SANDBOX = StackServices.SANDBOX;
    public static final String CENTERPOINT = StackServices.CENTERPOINT;
    public static final String OUTBOUND = StackServices.OUTBOUND;
    public static final String OPS_CONSOLE = StackServices.OPS_CONSOLE;

    private static final Logger log = LoggerFactory.getLogger(ControllableStack.class);
    private static final Duration GRACE = Duration.ofSeconds(30);
    private static final String KAFKA_MAIN_CLASS = "kafka.Kafka";

    private final StackConfig config;
    private final RunningStack stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
    private final List<Process> started = Collections.synchronizedList(new ArrayList<>());

    private ControllableStack(StackConfig config) {
        this.config = config;
        this.stack = new RunningStack(config, JavaCommand.ofThisJvm());
    }

    /** Starts the whole stack as {@code deploy/run-local} does; stops what it started if that fails. */
    public static ControllableStack start(StackConfig config) throws Exception {
        ControllableStack controllable = new ControllableStack(config);
        try {
            controllable.stack.start();
            return controllable;
        }
        catch (Exception | Error ex) {
            controllable.close();
            throw ex;
        }
    }

    public String url(String service) {
        return stack.url(service);
    }

    public StackConfig config() {
        return config;
    }

    /** SIGKILL (no shutdown hook, no graceful close) of the service on its usual port. */
    public List<String> kill(String service) {
        ProcessHandle process = serviceProcess(service, portOf(service))
                .orElseThrow(() -> new IllegalStateException(service + " is not running"));
        List<String> command = commandLine(process);
        process.destroyForcibly();
        await(() -> !process.isAlive(), Duration.ofSeconds(20), service + " to die");
        log.info("Killed {} (pid {}) with SIGKILL", service, process.pid());
        return command;
    }

    /** Starts a service again with the command line it had; returns once it is healthy. */
    public void startAgain(String service, List<String> command) throws IOException {
        start(service, command, service + ".log");
        awaitHealthy(service, portOf(service));
    }

    /** A second instance of the service on {@code port}: same command line but the port; returns once it is healthy. */
    public ProcessHandle startSecondInstance(String service, int port) throws IOException {
        ProcessHandle primary = serviceProcess(service, portOf(service))
                .orElseThrow(() -> new IllegalStateException(service + " is not running"));
        List<String> command = new ArrayList<>();
        for (String part : commandLine(primary)) {
            command.add(part.startsWith("--server.port=") ? "--server.port=" + port : part);
        }
        Process process = start(service + "-2", command, service + "-2.log");
        awaitHealthy(service, port);
        return process.toHandle();
    }

    /** Stops an instance gracefully (SIGTERM, SIGKILL after the grace time), so its groups rebalance at once. */
    public void stopInstance(ProcessHandle instance) {
        instance.destroy();
        awaitExit(instance);
    }

    /** Stops the Kafka broker (SIGTERM: controlled shutdown) and starts it on the same data and ports. */
    public void restartKafka() throws IOException, InterruptedException {
        ProcessHandle broker = ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).contains(KAFKA_MAIN_CLASS)).findFirst()
                .orElseThrow(() -> new IllegalStateException("the Kafka broker is not running"));
        List<String> command = commandLine(broker);
        stopInstance(broker);
        log.info("Stopped the Kafka broker (pid {}), starting it again", broker.pid());
        start("kafka", command, "kafka.log");
        new KafkaBroker(config, JavaCommand.ofThisJvm(), new ChildProcesses()).awaitReadyAndCreateTopics(config.startTimeout());
    }

    /**
     * Stops every service first (all at once, while Kafka still runs, so they close promptly), then a
     * broker this class restarted, then whatever the stack itself still runs (PostgreSQL, its data).
     */
    @Override
    public void close() {
        List<ProcessHandle> services = ProcessHandle.current().descendants()
                .filter(p -> commandLine(p).stream().anyMatch(part -> part.endsWith("-exec.jar"))).toList();
        services.forEach(ProcessHandle::destroy);
        services.forEach(this::awaitExit);
        started.stream().map(Process::toHandle).filter(ControllableStack::isKafka).forEach(this::stopInstance);
        stack.stop();
    }

    private void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(GRACE.toSeconds(), TimeUnit.SECONDS);
        }
        catch (Exception ex) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    private Process start(String name, List<String> command, String logName) throws IOException {
        Path logFile = config.logsDir().resolve(logName);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
        StackServices.of(config, "").stream().filter(spec -> command.stream().anyMatch(part -> part.contains(spec.name() + "-")))
                .findFirst().ifPresent(spec -> builder.environment().putAll(spec.env()));
        Process process = builder.start();
        started.add(process);
        stack.record(name, process.toHandle());
        log.info("Started {} (pid {}), log {}", name, process.pid(), logFile);
        return process;
    }

    private Optional<ProcessHandle> serviceProcess(String service, int port) {
        String jar = service + "-0.1.0-SNAPSHOT-exec.jar";
        return ProcessHandle.current().descendants().filter(ProcessHandle::isAlive).filter(p -> {
            List<String> command = commandLine(p);
            return command.stream().anyMatch(part -> part.endsWith(jar)) && command.contains("--server.port=" + port);
        }).findFirst();
    }

    private void awaitHealthy(String service, int port) {
        URI health = URI.create("http://localhost:" + port + "/actuator/health");
        await(() -> {
            try {
                return http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(3)).GET().build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
            }
            catch (IOException ex) {
                return false;
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, config.startTimeout(), service + " on port " + port + " to be healthy");
        log.info("{} is up on port {}", service, port);
    }

    private int portOf(String service) {
        return StackServices.of(config, "").stream().filter(spec -> spec.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown service " + service)).port();
    }

    private static boolean isKafka(ProcessHandle process) {
        return commandLine(process).contains(KAFKA_MAIN_CLASS);
    }

    /**
     * The process's command line: from {@code /proc} where there is one, since {@link ProcessHandle.Info}
     * gives no arguments once the command line is longer than a page (a broker's long classpath).
     */
    private static List<String> commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", String.valueOf(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                String raw = new String(Files.readAllBytes(proc), StandardCharsets.UTF_8);
                return raw.isEmpty() ? List.of() : Arrays.asList(raw.split("\0"));
            }
        }
        catch (IOException ex) {
            // the process has just ended, or /proc says nothing: fall back on what the JDK knows
        }
        ProcessHandle.Info info = process.info();
        List<String> command = new ArrayList<>();
        info.command().ifPresent(command::add);
        info.arguments().ifPresent(args -> command.addAll(Arrays.asList(args)));
        return command;
    }

    private static void await(BooleanSupplier condition, Duration timeout, String what) {
        Instant deadline = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("waited " + timeout.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(500);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, ex);
            }
        }
    }

    /** For a log line: the ports of the stack's services. */
    public Map<String, Integer> ports() {
        return Map.of("kafka", config.kafkaPort(), StackServices.MAPPING, config.mappingPort(),
                StackServices.OUTBOUND, config.outboundPort(), StackServices.INBOUND, config.inboundPort(),
                SANDBOX, config.sandboxPort(), CENTERPOINT, config.centerpointPort(),
                StackServices.OPS_CONSOLE, config.opsConsolePort());
    }
}
