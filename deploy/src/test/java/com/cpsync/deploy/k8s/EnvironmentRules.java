package com.cpsync.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.cpsync.deploy.k8s.Manifests.Document;

/**
 * Every variable a manifest gives a container is one its service reads, and every Secret key it refers
 * to is declared. Findings, one line each.
 */
record EnvironmentRules(Manifests manifests, List<Workload> workloads) {

    /** Spring Boot's own properties the manifests may set, and the starter through which a service reads them. */
    private static final Map<String, String> SPRING_BOOT_PROPERTIES = Map.of(
            "server.shutdown", "spring-boot-starter-webflux",
            "spring.datasource.url", "spring-boot-starter-jdbc",
            "spring.datasource.username", "spring-boot-starter-jdbc",
            "spring.datasource.password", "spring-boot-starter-jdbc");
    /** Read by the JVM itself, before Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");

    List<String> environment() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads) {
            workload.config().ifPresent(config -> {
                for (Object variable : Yamls.list(workload.container(), "env")) {
                    String name = Yamls.string(variable, "name").orElse("?");
                    if (!reads(config, name)) {
                        findings.add(workload.name() + ": sets " + name + ", which " + config.module()
                                + " does not read (no ${" + name + " in " + ServiceCatalog.defaultsFile(config.module())
                                + ", no property it binds to)");
                    }
                    findings.addAll(secretReference(workload, name, Yamls.map(variable, "valueFrom", "secretKeyRef")));
                }
            });
        }
        findings.addAll(sharedConfigMapKeys());
        return findings;
    }

    private boolean reads(ServiceConfig config, String variable) {
        return JVM_VARIABLES.contains(variable)
                || config.environmentVariablesInPlaceholders().contains(variable)
                || config.bindsFromEnvironment(variable)
                || SPRING_BOOT_PROPERTIES.entrySet().stream().anyMatch(property ->
                        ServiceConfig.environmentName(property.getKey()).equals(variable)
                                && config.declaresDependency(property.getValue()));
    }

    private List<String> secretReference(Workload workload, String variable, Map<String, Object> secretKeyRef) {
        if (secretKeyRef.isEmpty()) {
            return List.of();
        }
        String secret = Yamls.string(secretKeyRef, "name").orElse("?");
        String key = Yamls.string(secretKeyRef, "key").orElse("?");
        Optional<Document> document = manifests.applied("Secret", secret);
        boolean present = document.map(d -> Yamls.map(d.yaml(), "stringData").containsKey(key)
                || Yamls.map(d.yaml(), "data").containsKey(key)).orElse(false);
        return present ? List.of()
                : List.of(workload.name() + ": " + variable + " refers to key " + key + " of Secret " + secret
                        + ", which the applied manifests do not declare");
    }

    /** A ConfigMap shared by several services: each key must be read by at least one of them. */
    private List<String> sharedConfigMapKeys() {
        List<String> findings = new ArrayList<>();
        for (Document configMap : manifests.applied("ConfigMap")) {
            List<ServiceConfig> importers = workloads.stream()
                    .filter(w -> w.importedConfigMaps().contains(configMap.name()))
                    .map(Workload::config).flatMap(Optional::stream).toList();
            for (String key : Yamls.map(configMap.yaml(), "data").keySet()) {
                if (!importers.isEmpty() && importers.stream().noneMatch(config -> reads(config, key))) {
                    findings.add(configMap + ": sets " + key + ", which none of the services importing it reads ("
                            + importers.stream().map(ServiceConfig::module).toList() + ")");
                }
            }
        }
        return findings;
    }
}
