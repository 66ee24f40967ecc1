package com.cpsync.deploy;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.deploy.demo.DemoScenario;
import com.cpsync.deploy.demo.JsonHttp;
import com.cpsync.deploy.demo.OpsConsoleApi;
import com.cpsync.deploy.demo.Poller;
import com.cpsync.deploy.demo.SandboxApi;
import com.cpsync.deploy.demo.ScenarioReport;
import com.cpsync.deploy.demo.ScenarioRunner;
import com.cpsync.deploy.demo.StandInApi;

/**
 * The one-command local stack (DESIGN.md §7, §8): a Kafka broker process, an embedded PostgreSQL,
 * the QBO sandbox, the Centerpoint stand-in and the three services; with {@code --demo} it plays
 * the scripted scenario and exits 0 only when every expected outcome was observed.
 */
public final class LocalStack {

    private static final Logger log = LoggerFactory.getLogger(LocalStack.class);

    private LocalStack() {
    }

    public static void main(String[] args) {
        StackConfig config = CommandLineOptions.parseOrExit(log,
                () -> StackConfig.from(System.getenv(), List.of(args), Path.of("").toAbsolutePath()));
        RunningStack stack = new RunningStack(config, JavaCommand.ofThisJvm());
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "stop-local-stack"));
        int exitCode;
        try {
            stack.start();
            exitCode = config.demo() ? playDemo(config, stack) : waitForCtrlC(stack);
        }
        catch (Exception ex) {
            log.error("The local stack could not start: {}", ex.toString());
            log.error("Logs: {}", config.logsDir());
            exitCode = 1;
        }
        // the shutdown hook stops the processes also on this path
        System.exit(exitCode);
    }

    /** As the console's local OPERATOR: the credentials the console itself defaults to (or was given). */
    public static OpsConsoleApi opsConsole(JsonHttp http, String url) {
        return OpsConsoleApi.as(http, url, System.getenv().getOrDefault("OPS_CONSOLE_USER", "ops"),
                System.getenv().getOrDefault("OPS_CONSOLE_PASSWORD", "local-ops-password"));
    }

    private static int playDemo(StackConfig config, RunningStack stack) {
        JsonHttp http = new JsonHttp();
        DemoScenario scenario = new DemoScenario(
                new StandInApi(http, stack.url(StackServices.CENTERPOINT)),
                new SandboxApi(http, stack.url(StackServices.SANDBOX)),
                opsConsole(http, stack.url(StackServices.OPS_CONSOLE)), Poller.standard(), config.stepTimeout());
        log.info("");
        log.info("Playing the demo scenario{}", config.notYetAvailable().isEmpty() ? ""
                : " (not yet available: " + config.notYetAvailable() + ")");
        ScenarioReport report = new ScenarioRunner(config.notYetAvailable(), log::info).run(scenario.steps());
        log.info("");
        int number = 0;
        for (var result : report.results()) {
            log.info(String.format("%2d. %-17s %s", ++number, result.status(), result.step().name()));
        }
        log.info(report.summary());
        log.info("Service logs: {}", config.logsDir());
        return report.passed() ? 0 : 1;
    }

    private static int waitForCtrlC(RunningStack stack) throws InterruptedException {
        log.info("Press Ctrl-C to stop everything.");
        stack.awaitUnexpectedExit();
        return 1;
    }
}
