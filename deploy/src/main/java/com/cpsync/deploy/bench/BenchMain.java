package com.cpsync.deploy.bench;

import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import com.cpsync.deploy.CommandLineOptions;
import com.cpsync.deploy.ControllableStack;
import com.cpsync.deploy.chaos.ChaosMain;

/**
 * {@code deploy/bench/run}: starts the local stack on free ports with the sandbox at a realistic latency and QBO's
 * exact limits, plays the six scenarios of issue 10 and ends with one line a figure,
 * {@code P<n> <name>: <value> (<ratio> of anchor)}; the same figures go to a JSON file. Exits 2 on a usage error
 * and 3 when the run could not be played. docs/performance.md gives the method and the figures.
 */
public final class BenchMain {

    private static final Logger log = LoggerFactory.getLogger(BenchMain.class);
    /** Prints the figures as they are (no time stamp), so the output ends with the six lines. */
    private static final Logger report = LoggerFactory.getLogger("bench.report");

    private BenchMain() {
    }

    public static void main(String[] args) {
        BenchOptions options = CommandLineOptions.parseOrExit(log, () -> BenchOptions.parse(List.of(args)));
        int exitCode = 0;
        try (ControllableStack stack = ControllableStack.start(ChaosMain.onFreePorts(System.getenv(),
                ChaosMain.repoRoot()))) {
            // Ctrl-C stops the stack too (close is idempotent; System.exit below runs the hook after it)
            Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "stop-bench-stack"));
            List<Figure> figures = new Scenarios(new BenchWorld(stack, options.latencyMs()), options).all();
            figures.forEach(figure -> log.info("{}: {}", figure.id(), figure.note()));
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("quick", options.quick());
            json.put("sandboxLatencyMs", options.latencyMs());
            json.put("figures", figures.stream().map(Figure::json).toList());
            Files.createDirectories(options.json().toAbsolutePath().getParent());
            Files.writeString(options.json(), JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(json));
            report.info("figures as JSON: {}", options.json());
            figures.forEach(figure -> report.info(figure.line()));
        }
        catch (Exception ex) {
            log.error("The benchmark could not be played: {}", ex.toString(), ex);
            exitCode = 3;
        }
        System.exit(exitCode);
    }
}
