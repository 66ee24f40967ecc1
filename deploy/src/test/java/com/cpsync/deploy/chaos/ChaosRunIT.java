package com.cpsync.deploy.chaos;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

import com.cpsync.deploy.chaos.audit.AuditReport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CI-sized chaos run (issue 8), played as {@code deploy/chaos} plays it: a separate JVM with the
 * environment the script sets, on free ports. It asserts that the run completes with every fault applied,
 * ends with a final line that adds up its table, and that nothing was lost, duplicated or mismatched.
 * {@code -Dchaos.strict=false} (or {@code CHAOS_STRICT=false}) drops the last requirement, to see a
 * table while working on a fix. {@code -Dchaos.skip=true} leaves it out (it needs every service's jar,
 * which the reactor builds before this module, and about five minutes).
 */
@DisabledIfSystemProperty(named = "chaos.skip", matches = "true")
class ChaosRunIT {

    private static final List<String> SERVICES = List.of("qbo-sandbox", "mapping-service", "cp-outbound-service",
            "qbo-inbound-service", "centerpoint-stand-in");

    private Process chaos;

    @AfterEach
    void stopTheRunIfItIsStillGoing() throws InterruptedException {
        if (chaos != null && chaos.isAlive()) {
            chaos.destroy();
            if (!chaos.waitFor(90, TimeUnit.SECONDS)) {
                chaos.descendants().forEach(ProcessHandle::destroyForcibly);
                chaos.destroyForcibly();
            }
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.MINUTES)
    void shouldPlayTheCiSizedRunWithEveryFaultAndEndWithTheFinalLineOfItsTable() throws Exception {
        Path root = ChaosMain.repoRoot();
        for (String service : SERVICES) {
            Path jar = root.resolve(service).resolve("target").resolve(service + "-0.1.0-SNAPSHOT-exec.jar");
            assertThat(jar).as("the chaos run needs every service's jar: ./mvnw -B verify builds them before deploy").isRegularFile();
        }
        Path output = Files.createTempFile("chaos-run", ".out");

        chaos = chaosProcess(root, output).start();
        boolean exited = chaos.waitFor(18, TimeUnit.MINUTES);

        List<String> lines = Files.readAllLines(output);
        assertThat(exited).as("the chaos run ended; its output is in " + output).isTrue();
        String last = lines.get(lines.size() - 1);
        assertThat(last).as("last line of " + output).matches(AuditReport.FINAL_LINE);
        int[] counts = AuditReport.parseFinalLine(last);
        assertThat(counts[0]).as("events played").isGreaterThan(ChaosOptions.DEFAULT_EVENTS * 9 / 10);
        assertThat(counts[1]).isEqualTo(ChaosOptions.DEFAULT_TENANTS);
        assertThat(tableTotals(lines)).as("the table's lost, duplicated and mismatched totals")
                .containsExactly(counts[2], counts[3], counts[4]);
        long unexplained = Reconciliations.unexplainedIn(lines);
        assertThat(unexplained).as("every tenant reconciled after the run (issue 12)").isNotNegative();
        boolean clean = counts[2] == 0 && counts[3] == 0 && counts[4] == 0 && unexplained == 0;
        assertThat(chaos.exitValue()).as("exit code").isEqualTo(clean ? 0 : 1);
        assertThat(lines).as("every fault applied")
                .anyMatch(l -> l.contains("kill service mapping-service: done"))
                .anyMatch(l -> l.contains("kill service cp-outbound-service: done"))
                .anyMatch(l -> l.contains("kill service qbo-inbound-service: done"))
                .anyMatch(l -> l.contains("second instance down cp-outbound-service: done"))
                .anyMatch(l -> l.contains("second instance down qbo-inbound-service: done"))
                .anyMatch(l -> l.contains("restart kafka: done"))
                .anyMatch(l -> l.contains("lostReplyRate") && l.endsWith("applied"))
                .anyMatch(l -> l.contains("requestsPerSecond=1") && l.endsWith("applied"))
                .anyMatch(l -> l.contains("shuffle=true") && l.endsWith("applied"))
                .noneMatch(l -> l.contains(": FAILED") || l.contains(": REFUSED"));
        if (strict()) {
            assertThat(last).as("chaos.strict: nothing lost, duplicated or mismatched (see " + output + ")")
                    .endsWith("lost=0 duplicated=0 mismatched=0");
            assertThat(unexplained).as("chaos.strict: no difference a reconciliation cannot explain (see " + output
                    + ")").isZero();
        }
    }

    private static ProcessBuilder chaosProcess(Path root, Path output) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(ChaosMain.class.getName());
        ProcessBuilder builder = new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile());
        // what deploy/chaos exports
        builder.environment().put("QBO_CDC_INTERVAL", "10s");
        builder.environment().put("APP_QBO_REQUESTTIMEOUT", "8s");
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        builder.environment().put("TOKEN_ENCRYPTION_KEY", Base64.getEncoder().encodeToString(key));
        return builder;
    }

    /** lost, duplicated, mismatched of the table's total row. */
    private static List<Integer> tableTotals(List<String> lines) {
        String total = lines.stream().filter(l -> l.startsWith("total ")).reduce((a, b) -> b).orElseThrow();
        String[] columns = total.trim().split("\\s+");
        return List.of(Integer.parseInt(columns[5]), Integer.parseInt(columns[6]), Integer.parseInt(columns[7]));
    }

    private static boolean strict() {
        String setting = System.getProperty("chaos.strict", System.getenv().getOrDefault("CHAOS_STRICT", "true"));
        return !"false".equalsIgnoreCase(setting);
    }
}
