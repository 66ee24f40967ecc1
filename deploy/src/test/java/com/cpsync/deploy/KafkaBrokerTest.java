package com.cpsync.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KafkaBrokerTest {

    @Test
    void shouldConfigureOneCombinedKraftNodeOnTheConfiguredPorts() {
        StackConfig config = StackConfig.from(Map.of("KAFKA_PORT", "19092"), List.of(), Path.of("/repo"));
        KafkaBroker broker = new KafkaBroker(config, new JavaCommand("java", "cp"), new ChildProcesses());

        String properties = broker.serverProperties(Path.of("/tmp/k/data"));

        assertThat(properties.lines()).contains("process.roles=broker,controller",
                "controller.quorum.voters=1@localhost:19093",
                "listeners=PLAINTEXT://localhost:19092,CONTROLLER://localhost:19093",
                "advertised.listeners=PLAINTEXT://localhost:19092",
                "log.dirs=/tmp/k/data",
                "offsets.topic.replication.factor=1");
    }
}
