package com.cpsync.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.cpsync.deploy.StackPidFile.Entry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Issue 8: a launcher killed with SIGKILL runs no shutdown hook, and its Kafka broker and
 * PostgreSQL server (pg_ctl detaches it) live on; the next start must find and stop them.
 */
class LeftoverCleanupIT {

    @TempDir
    Path checkout;

    private final List<ProcessHandle> started = new ArrayList<>();

    @AfterEach
    void killWhatTheTestStarted() {
        Leftovers.stopTrees(started);
    }

    @Test
    void shouldStopTheKafkaBrokerAndPostgresqlThatAKilledLauncherLeftBehind() throws Exception {
        Path output = checkout.resolve("launcher.out");
        Process launcher = new ProcessBuilder(JavaCommand.ofThisJvm().classpathCommand(List.of("-Xmx256m"),
                KilledLauncherMain.class.getName(), List.of(checkout.toString(), freePort(), freePort())))
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        started.add(launcher.toHandle());
        await().atMost(Duration.ofMinutes(2)).until(() -> Files.readString(output).contains("READY"));
        StackPidFile pidFile = new StackPidFile(checkout.resolve(".run-local"));
        ProcessHandle kafka = recorded(pidFile, "kafka");
        ProcessHandle postgres = recorded(pidFile, "postgresql");
        Path workDir = pidFile.read().workDir().orElseThrow();

        assertThatThrownBy(() -> Leftovers.cleanUp(pidFile)).hasMessageContaining("another deploy/run-local (pid "
                + launcher.pid() + ") is running from this checkout");
        launcher.destroyForcibly().waitFor();
        assertThat(kafka.isAlive()).as("Kafka outlives the killed launcher").isTrue();
        assertThat(postgres.isAlive()).as("PostgreSQL outlives the killed launcher").isTrue();

        Leftovers.cleanUp(pidFile);

        await().atMost(Duration.ofSeconds(40)).until(() -> !kafka.isAlive() && !postgres.isAlive());
        assertThat(workDir).doesNotExist();
        assertThat(pidFile.read().processes()).isEmpty();
    }

    private ProcessHandle recorded(StackPidFile pidFile, String name) {
        Entry entry = pidFile.read().processes().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
        ProcessHandle process = ProcessHandle.of(entry.pid()).orElseThrow();
        started.add(process);
        return process;
    }

    private static String freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return String.valueOf(socket.getLocalPort());
        }
    }
}
