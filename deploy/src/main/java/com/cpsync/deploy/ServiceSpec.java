package com.cpsync.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Spring Boot service of the stack: its repackaged jar, port, environment and command-line
 * properties. Both are set: the environment variables the services document, and the
 * {@code --property=value} arguments that work whatever a service's own defaults say. It starts once
 * every part it {@code dependsOn} answers its health check.
 */
record ServiceSpec(String name, int port, List<String> dependsOn, Map<String, String> env, List<String> args) {

    Path jar(Path repoRoot) {
        return repoRoot.resolve(name).resolve("target").resolve(name + "-0.1.0-SNAPSHOT-exec.jar");
    }

    String url() {
        return "http://localhost:" + port;
    }
}
