package com.cpsync.deploy.k8s;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The service modules of the repository by name, each read once. */
final class ServiceCatalog {

    private final Path repo;
    private final Map<String, Optional<ServiceConfig>> loaded = new HashMap<>();

    ServiceCatalog(Path repo) {
        this.repo = repo;
    }

    Optional<ServiceConfig> config(String module) {
        return loaded.computeIfAbsent(module, m -> ServiceConfig.load(repo, m));
    }

    static String defaultsFile(String module) {
        return "../" + module + "/src/main/resources/" + module + ".properties";
    }
}
