package com.cpsync.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * Plays the launcher up to the moment it is killed outright: records itself, starts the real Kafka
 * broker and PostgreSQL exactly as {@link RunningStack} does, says READY and waits to be killed.
 * Arguments: the checkout root, the Kafka port, the KRaft controller port.
 */
public final class KilledLauncherMain {

    private KilledLauncherMain() {
    }

    public static void main(String[] args) throws Exception {
        StackConfig config = StackConfig.from(Map.of("KAFKA_PORT", args[1], "KAFKA_CONTROLLER_PORT", args[2]), List.of(),
                Path.of(args[0]));
        StackPidFile pidFile = new StackPidFile(config.runDir());
        pidFile.record(StackPidFile.LAUNCHER, ProcessHandle.current());
        Path workDir = Files.createTempDirectory("cpsync-killed-launcher");
        pidFile.recordWorkDir(workDir);
        new KafkaBroker(config, JavaCommand.ofThisJvm(), new ChildProcesses(pidFile::record)).start(workDir.resolve("kafka"));
        LocalPostgres.start(workDir.resolve("postgres"), pidFile);
        System.out.println("READY");
        new CountDownLatch(1).await();
    }
}
