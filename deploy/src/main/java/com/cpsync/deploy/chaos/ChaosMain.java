package com.cpsync.deploy.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.deploy.CommandLineOptions;
import com.cpsync.deploy.StackConfig;

/**
 * {@code deploy/chaos}: plays a faulty world against the local stack (on free ports) and ends with
 * {@code chaos: <n> events, <t> tenants: lost=<a> duplicated=<b> mismatched=<c>}; exits 0 only when
 * all three are 0 and every tenant reconciles (no unexplained difference), 1 when not, 2 on a usage error and 3
 * when the run itself could not be played.
 */
public final class ChaosMain {

    private static final Logger log = LoggerFactory.getLogger(ChaosMain.class);
    /** Prints the report as it is (no time stamp), so the last line of the output is the final line. */
    private static final Logger report = LoggerFactory.getLogger("chaos.report");

    private static final List<String> PORT_VARIABLES = List.of("KAFKA_PORT", "KAFKA_CONTROLLER_PORT", "MAPPING_PORT",
            "CP_OUTBOUND_PORT", "QBO_INBOUND_PORT", "QBO_SANDBOX_PORT", "CENTERPOINT_PORT", "OPS_CONSOLE_PORT");

    private ChaosMain() {
    }

    public static void main(String[] args) {
        ChaosOptions options = CommandLineOptions.parseOrExit(log, () -> ChaosOptions.parse(List.of(args)));
        if (System.getenv("TOKEN_ENCRYPTION_KEY") == null || System.getenv("TOKEN_ENCRYPTION_KEY").isBlank()) {
            // without a fixed key, the restarted mapping-service cannot read the stored tokens: every tenant disconnects
            log.error("TOKEN_ENCRYPTION_KEY is not set: mapping-service would lose every QBO connection when the run kills it. "
                    + "deploy/chaos sets one per run; run it through deploy/chaos.");
            System.exit(2);
            return;
        }
        int exitCode;
        try {
            ChaosRun.Result result = new ChaosRun(options, onFreePorts(System.getenv(), repoRoot()), Tuning.from(System.getenv()))
                    .run();
            result.lines().forEach(report::info);
            exitCode = result.clean() ? 0 : 1;
        }
        catch (Exception ex) {
            log.error("The chaos run could not be played: {}", ex.toString());
            exitCode = 3;
        }
        System.exit(exitCode);
    }

    /** The local stack's configuration with every port free right now (a run never meets another stack). */
    public static StackConfig onFreePorts(Map<String, String> env, Path repoRoot) throws IOException {
        Map<String, String> withPorts = new HashMap<>(env);
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (String variable : PORT_VARIABLES) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                withPorts.put(variable, String.valueOf(socket.getLocalPort()));
            }
        }
        finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        withPorts.remove("STACK_SERVICES");
        return StackConfig.from(withPorts, List.of(), repoRoot);
    }

    /** The checkout: the working directory, or its parent when started inside {@code deploy/} (the IT). */
    public static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        return Files.isRegularFile(here.resolve("deploy/run-local")) ? here : here.getParent();
    }
}
