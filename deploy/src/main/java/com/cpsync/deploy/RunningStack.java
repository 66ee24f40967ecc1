package com.cpsync.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts the stack in dependency order ({@link StartOrder}): a part starts only once everything it
 * calls is healthy. Records every process in {@code .run-local/stack.pids}, and stops it all.
 */
final class RunningStack {

    private static final Logger log = LoggerFactory.getLogger(RunningStack.class);

    private final StackConfig config;
    private final JavaCommand java;
    private final StackPidFile pidFile;
    private final ChildProcesses processes;
    private final HealthProbe health = new HealthProbe();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, ChildProcesses.Child> services = new LinkedHashMap<>();
    private final Map<String, String> urls = new LinkedHashMap<>();
    private KafkaBroker kafka;
    private LocalPostgres postgres;
    private String jdbcUrl = "";
    private Path workDir;
    private volatile boolean stopped;

    RunningStack(StackConfig config, JavaCommand java) {
        this.config = config;
        this.java = java;
        this.pidFile = new StackPidFile(config.runDir());
        this.processes = new ChildProcesses(pidFile::record);
    }

    void start() throws Exception {
        requireJars();
        Files.createDirectories(config.logsDir());
        Leftovers.cleanUp(pidFile);
        PortCheck.requireFree(config);
        pidFile.record(StackPidFile.LAUNCHER, ProcessHandle.current());
        workDir = Files.createTempDirectory("cpsync-local-stack");
        pidFile.recordWorkDir(workDir);
        kafka = new KafkaBroker(config, java, processes);
        for (List<String> wave : StartOrder.waves(StackServices.startDependencies(config))) {
            for (String part : wave) {
                startPart(part);
            }
            for (String part : wave) {
                awaitReady(part);
            }
        }
        if (urls.containsKey(StackServices.SANDBOX)) {
            configureWebhooks();
        }
        printUrls();
    }

    String url(String service) {
        return urls.get(service);
    }

    /** Records a process started beside the stack (deploy/chaos restarts one), so a killed launcher's leftovers include it. */
    void record(String name, ProcessHandle process) {
        pidFile.record(name, process);
    }

    private void requireJars() {
        for (ServiceSpec spec : StackServices.of(config, jdbcUrl)) {
            if (!Files.isRegularFile(spec.jar(config.repoRoot()))) {
                throw new IllegalStateException(spec.jar(config.repoRoot()) + " is missing: run ./mvnw -B install -DskipTests");
            }
        }
    }

    private void startPart(String part) throws IOException, InterruptedException {
        if (part.equals(StackServices.KAFKA)) {
            log.info("Starting Kafka (KRaft, single node) on {} ...", config.kafkaBootstrapServers());
            kafka.start(workDir.resolve("kafka"));
        }
        else if (part.equals(StackServices.POSTGRESQL)) {
            log.info("Starting PostgreSQL (embedded) ...");
            postgres = LocalPostgres.start(workDir.resolve("postgres"), pidFile);
            jdbcUrl = postgres.jdbcUrl();
        }
        else {
            ServiceSpec spec = spec(part);
            log.info("Starting {} on port {}{} ...", spec.name(), spec.port(),
                    spec.dependsOn().isEmpty() ? "" : " (its dependencies " + spec.dependsOn() + " are up)");
            List<String> command = java.jarCommand(config.jvmOptions(), spec.jar(config.repoRoot()), spec.args());
            services.put(spec.name(), processes.start(spec.name(), command, spec.env(),
                    config.logsDir().resolve(spec.name() + ".log")));
            urls.put(spec.name(), spec.url());
        }
    }

    private void awaitReady(String part) throws InterruptedException {
        if (part.equals(StackServices.KAFKA)) {
            kafka.awaitReadyAndCreateTopics(config.startTimeout());
            log.info("Kafka is up, topics created: {}", KafkaBroker.TOPICS);
        }
        else if (part.equals(StackServices.POSTGRESQL)) {
            log.info("PostgreSQL is up at {}", jdbcUrl);
        }
        else {
            awaitHealthy(spec(part));
        }
    }

    private ServiceSpec spec(String name) {
        return StackServices.of(config, jdbcUrl).stream().filter(spec -> spec.name().equals(name)).findFirst()
                .orElseThrow();
    }

    private void awaitHealthy(ServiceSpec spec) throws InterruptedException {
        ChildProcesses.Child child = services.get(spec.name());
        Instant deadline = Instant.now().plus(config.startTimeout());
        while (Instant.now().isBefore(deadline)) {
            if (!child.process().isAlive()) {
                throw new IllegalStateException(spec.name() + " exited with code " + child.process().exitValue()
                        + ", see " + child.logFile());
            }
            if (health.isReady(spec.url())) {
                log.info("{} is up at {}", spec.name(), spec.url());
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(spec.name() + " was not healthy within " + config.startTimeout().toSeconds()
                + " s, see " + child.logFile());
    }

    private void configureWebhooks() throws IOException, InterruptedException {
        String body = "{\"targetUrl\":\"http://localhost:" + config.inboundPort() + "/webhooks/quickbooks\","
                + "\"verifierToken\":\"" + config.webhookVerifierToken() + "\",\"format\":\"CLOUDEVENTS\",\"enabled\":true}";
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url(StackServices.SANDBOX) + "/admin/webhooks"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("configuring the sandbox webhooks answered " + response.statusCode());
        }
        log.info("Sandbox webhooks go to http://localhost:{}/webhooks/quickbooks (CloudEvents, signed)", config.inboundPort());
    }

    private void printUrls() {
        log.info("");
        log.info("The local stack is running:");
        log.info("  Kafka                 {}", config.kafkaBootstrapServers());
        log.info("  PostgreSQL            {}", jdbcUrl);
        urls.forEach((name, url) -> log.info("  {} {}", String.format("%-21s", name), url));
        if (urls.containsKey(StackServices.CENTERPOINT)) {
            log.info("  First sync: README.md, \"Your first sync\" (starts with PUT {}/tenants/acme/connection)",
                    url(StackServices.CENTERPOINT));
        }
        log.info("  Logs: {}", config.logsDir());
    }

    /** Blocks until one of the services dies on its own (Ctrl-C ends the JVM before). */
    void awaitUnexpectedExit() throws InterruptedException {
        while (true) {
            for (Map.Entry<String, ChildProcesses.Child> entry : services.entrySet()) {
                if (!entry.getValue().process().isAlive() && !stopped) {
                    log.error("{} exited with code {}, see {}", entry.getKey(), entry.getValue().process().exitValue(),
                            entry.getValue().logFile());
                    return;
                }
            }
            Thread.sleep(2000);
        }
    }

    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        log.info("Stopping the local stack ...");
        processes.stopAll();
        if (postgres != null) {
            postgres.close();
        }
        if (workDir != null) {
            Leftovers.deleteQuietly(workDir);
            pidFile.delete();
        }
        log.info("Stopped.");
    }
}
