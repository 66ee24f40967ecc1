package com.cpsync.deploy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cpsync.deploy.demo.Capability;

/**
 * Everything the local stack can be told, from environment variables (ports, token, JVM options)
 * and command-line arguments ({@code --demo}, {@code --not-yet=projects,inbound}).
 */
public record StackConfig(
        Path repoRoot,
        int kafkaPort,
        int kafkaControllerPort,
        int mappingPort,
        int outboundPort,
        int inboundPort,
        int sandboxPort,
        int centerpointPort,
        int opsConsolePort,
        String webhookVerifierToken,
        boolean demo,
        Set<Capability> notYetAvailable,
        Duration stepTimeout,
        Duration startTimeout,
        List<String> serviceJvmOptions,
        List<String> services) {

    public static final String USAGE = "usage: deploy/run-local [--demo] [--not-yet=capability,...]\n"
            + "  --demo       play the scripted scenario, stop everything, exit 0 only if every expected outcome was seen\n"
            + "  --not-yet=…  report these demo capabilities as 'not yet available' instead of running them: "
            + Arrays.toString(Capability.values()).toLowerCase() + " (also DEMO_NOT_YET_AVAILABLE)";

    /** Where the launcher keeps what outlives one run: logs, and the pid file of the running stack. */
    public Path runDir() {
        return repoRoot.resolve(".run-local");
    }

    public Path logsDir() {
        return runDir().resolve("logs");
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    public static StackConfig from(Map<String, String> env, List<String> args, Path repoRoot) {
        boolean demo = false;
        Set<Capability> notYet = capabilities(env.getOrDefault("DEMO_NOT_YET_AVAILABLE", ""));
        for (String arg : args) {
            if (arg.equals("--demo")) {
                demo = true;
            }
            else if (arg.startsWith("--not-yet=")) {
                notYet.addAll(capabilities(arg.substring("--not-yet=".length())));
            }
            else {
                throw new IllegalArgumentException("unknown argument '" + arg + "'\n" + USAGE);
            }
        }
        int kafkaPort = port(env, "KAFKA_PORT", 9092);
        return new StackConfig(repoRoot,
                kafkaPort,
                port(env, "KAFKA_CONTROLLER_PORT", kafkaPort + 1),
                port(env, "MAPPING_PORT", 8081),
                port(env, "CP_OUTBOUND_PORT", 8082),
                port(env, "QBO_INBOUND_PORT", 8083),
                port(env, "QBO_SANDBOX_PORT", 8090),
                port(env, "CENTERPOINT_PORT", 8091),
                port(env, "OPS_CONSOLE_PORT", 8084),
                env.getOrDefault("QBO_WEBHOOK_VERIFIER_TOKEN", "local-verifier-token"),
                demo,
                notYet,
                Duration.ofSeconds(positive(env, "DEMO_STEP_TIMEOUT_SECONDS", 60)),
                Duration.ofSeconds(positive(env, "STACK_START_TIMEOUT_SECONDS", 240)),
                List.of(env.getOrDefault("SERVICE_JAVA_OPTS", "-Xmx384m -XX:+UseSerialGC -XX:TieredStopAtLevel=1")
                        .trim().split("\\s+")),
                services(env.get("STACK_SERVICES")));
    }

    /** All six by default; {@code STACK_SERVICES} starts a subset (e.g. while a service is being built). */
    private static List<String> services(String csv) {
        if (csv == null || csv.isBlank()) {
            return StackServices.ALL;
        }
        List<String> chosen = Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        chosen.stream().filter(name -> !StackServices.ALL.contains(name)).findFirst().ifPresent(name -> {
            throw new IllegalArgumentException("STACK_SERVICES names an unknown service '" + name + "', expected some of "
                    + StackServices.ALL);
        });
        return chosen;
    }

    private static Set<Capability> capabilities(String csv) {
        Set<Capability> result = EnumSet.noneOf(Capability.class);
        for (String name : csv.split(",")) {
            if (!name.isBlank()) {
                result.add(Capability.parse(name));
            }
        }
        return result;
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        int port = positive(env, name, defaultPort);
        if (port > 65535) {
            throw new IllegalArgumentException(name + " must be a TCP port (1-65535) but was " + port);
        }
        return port;
    }

    private static int positive(Map<String, String> env, String name, int defaultValue) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed <= 0) {
                throw new NumberFormatException();
            }
            return parsed;
        }
        catch (NumberFormatException ex) {
            throw new IllegalArgumentException(name + " must be a positive number but was '" + value + "'");
        }
    }

    /** The JVM options as a mutable list, to prepend to a service's command line. */
    public List<String> jvmOptions() {
        return new ArrayList<>(serviceJvmOptions);
    }
}
