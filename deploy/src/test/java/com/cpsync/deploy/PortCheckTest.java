package com.cpsync.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortCheckTest {

    @Test
    void shouldRefuseToStartWhenAPortOfTheStackIsTaken() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int kafka = freePort();
            StackConfig config = StackConfig.from(Map.of("MAPPING_PORT", String.valueOf(taken.getLocalPort()),
                    "KAFKA_PORT", String.valueOf(kafka), "KAFKA_CONTROLLER_PORT", String.valueOf(freePort()),
                    "STACK_SERVICES", "mapping-service"), List.of(), Path.of("/repo"));

            assertThat(PortCheck.isFree(taken.getLocalPort())).isFalse();
            assertThatThrownBy(() -> PortCheck.requireFree(config))
                    .hasMessageContaining("port " + taken.getLocalPort() + " for mapping-service (MAPPING_PORT) is already in use");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
