package com.cpsync.deploy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fails fast when a port of the stack is taken: otherwise a service that cannot bind dies while
 * the health check is answered by whatever already listens there (often another local stack).
 */
final class PortCheck {

    private PortCheck() {
    }

    static void requireFree(StackConfig config) {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("Kafka (KAFKA_PORT)", config.kafkaPort());
        ports.put("Kafka controller (KAFKA_CONTROLLER_PORT)", config.kafkaControllerPort());
        for (ServiceSpec service : StackServices.of(config, "")) {
            ports.put(service.name() + " (" + envName(service.name()) + ")", service.port());
        }
        ports.forEach((name, port) -> {
            if (!isFree(port)) {
                throw new IllegalStateException("port " + port + " for " + name + " is already in use: is another local stack "
                        + "running? Stop it, or choose other ports with the environment variable in brackets");
            }
        });
    }

    static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            socket.setReuseAddress(true);
            return true;
        }
        catch (IOException ex) {
            return false;
        }
    }

    private static String envName(String service) {
        return switch (service) {
            case StackServices.SANDBOX -> "QBO_SANDBOX_PORT";
            case StackServices.MAPPING -> "MAPPING_PORT";
            case StackServices.OUTBOUND -> "CP_OUTBOUND_PORT";
            case StackServices.INBOUND -> "QBO_INBOUND_PORT";
            case StackServices.OPS_CONSOLE -> "OPS_CONSOLE_PORT";
            default -> "CENTERPOINT_PORT";
        };
    }
}
