package com.cpsync.deploy.k8s;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cpsync.deploy.k8s.Manifests.Document;

/**
 * What each Deployment's containers must agree on with the service they run: ports, probes, environment,
 * resources, and a disruption budget. Each rule returns its findings, one readable line each; none is good.
 */
final class WorkloadRules {

    /** Spring Boot's own properties the manifests may set, and the starter through which a service reads them. */
    private static final Map<String, String> SPRING_BOOT_PROPERTIES = Map.of(
            "server.shutdown", "spring-boot-starter-webflux",
            "spring.datasource.url", "spring-boot-starter-jdbc",
            "spring.datasource.username", "spring-boot-starter-jdbc",
            "spring.datasource.password", "spring-boot-starter-jdbc");
    /** Read by the JVM itself, before Spring. */
    private static final Set<String> JVM_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
    /** The JVM's heap share of the container's memory without -XX:MaxRAMPercentage. */
    private static final double DEFAULT_MAX_RAM_PERCENTAGE = 25;
    /** Metaspace, code cache, thread stacks and Netty's and Kafka's buffers of one of our services. */
    static final long MIN_NON_HEAP_BYTES = 256L << 20;

    private final Manifests manifests;
    private final List<Workload> workloads;

    WorkloadRules(Manifests manifests, ServiceCatalog services) {
        this.manifests = manifests;
        this.workloads = Workload.all(manifests, services);
    }

    List<Workload> workloads() {
        return workloads;
    }

    List<String> portsAndProbes() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads) {
            if (workload.config().isEmpty()) {
                findings.add(workload.name() + ": no service module with " + ServiceCatalog.defaultsFile(workload.module()));
                continue;
            }
            ServiceConfig config = workload.config().get();
            String serverPort = config.defaultValue("server.port").orElse("8080");
            String actuatorPort = config.defaultValue("management.server.port").orElse(serverPort);
            String where = " (" + ServiceCatalog.defaultsFile(config.module()) + ")";
            if (workload.ports().isEmpty()) {
                findings.add(workload.name() + ": declares no container port");
            }
            for (Object port : workload.ports()) {
                String containerPort = Yamls.string(port, "containerPort").orElse("?");
                if (!containerPort.equals(serverPort) && !containerPort.equals(actuatorPort)) {
                    findings.add(workload.name() + ": containerPort " + containerPort + " but server.port defaults to "
                            + serverPort + where);
                }
            }
            findings.addAll(effectiveListener(workload, config, serverPort, where));
            findings.addAll(probes(workload, config, actuatorPort, where));
            findings.addAll(scrapeAnnotations(workload, config, actuatorPort, where));
        }
        findings.addAll(serviceTargets());
        return findings;
    }

    /** What the manifest's environment makes of server.port and server.address: pods must still be reachable. */
    private List<String> effectiveListener(Workload workload, ServiceConfig config, String serverPort, String where) {
        List<String> findings = new ArrayList<>();
        Map<String, String> environment = workload.literalEnvironment(manifests);
        String port = config.valueWith("server.port", environment).orElse("8080");
        if (!port.equals(serverPort)) {
            findings.add(workload.name() + ": its environment moves the service to port " + port + ", off server.port "
                    + serverPort + where);
        }
        config.valueWith("server.address", environment).filter(WorkloadRules::loopback).ifPresent(address ->
                findings.add(workload.name() + ": listens on " + address + " only: probes, Services and Prometheus "
                        + "cannot reach it (set the address in the manifest's env)" + where));
        return findings;
    }

    private static boolean loopback(String address) {
        return address.startsWith("127.") || address.equals("localhost") || address.equals("::1");
    }

    private List<String> probes(Workload workload, ServiceConfig config, String actuatorPort, String where) {
        List<String> findings = new ArrayList<>();
        String health = actuatorBase(config) + "/health";
        boolean probesEnabled = config.defaultValue("management.endpoint.health.probes.enabled").orElse("false").equals("true")
                && exposed(config, "health");
        Map<String, Set<String>> paths = Map.of(
                "livenessProbe", Set.of(health + "/liveness"),
                "readinessProbe", Set.of(health + "/readiness"),
                "startupProbe", Set.of(health + "/liveness", health + "/readiness"));
        for (String probe : List.of("livenessProbe", "readinessProbe", "startupProbe")) {
            Map<String, Object> httpGet = Yamls.map(workload.container(), probe, "httpGet");
            if (httpGet.isEmpty()) {
                if (!probe.equals("startupProbe")) {
                    findings.add(workload.name() + ": no HTTP " + probe);
                }
                continue;
            }
            String path = Yamls.string(httpGet, "path").orElse("");
            if (!paths.get(probe).contains(path) || !probesEnabled) {
                findings.add(workload.name() + ": " + probe + " path " + path + " is not one of " + paths.get(probe)
                        + " with health probes enabled and exposed" + where);
            }
            String port = Yamls.string(httpGet, "port").orElse("");
            if (!workload.containerPort(port).map(actuatorPort::equals).orElse(false)) {
                findings.add(workload.name() + ": " + probe + " port " + port + " is not the actuator's port "
                        + actuatorPort + where);
            }
        }
        return findings;
    }

    private List<String> scrapeAnnotations(Workload workload, ServiceConfig config, String actuatorPort, String where) {
        Map<String, Object> annotations = workload.annotations();
        if (!"true".equals(String.valueOf(annotations.get("prometheus.io/scrape")))) {
            return List.of();
        }
        List<String> findings = new ArrayList<>();
        if (!actuatorPort.equals(String.valueOf(annotations.get("prometheus.io/port")))) {
            findings.add(workload.name() + ": prometheus.io/port " + annotations.get("prometheus.io/port")
                    + " is not the actuator's port " + actuatorPort + where);
        }
        String path = actuatorBase(config) + "/prometheus";
        if (!path.equals(String.valueOf(annotations.get("prometheus.io/path"))) || !exposed(config, "prometheus")) {
            findings.add(workload.name() + ": prometheus.io/path " + annotations.get("prometheus.io/path")
                    + " is not an exposed " + path + where);
        }
        return findings;
    }

    /** Every Service selects pods of a Deployment and targets one of their container ports. */
    private List<String> serviceTargets() {
        List<String> findings = new ArrayList<>();
        for (Document service : manifests.applied("Service")) {
            List<Workload> selected = workloads.stream()
                    .filter(w -> w.selectedBy(Yamls.map(service.yaml(), "spec", "selector"))).toList();
            if (selected.isEmpty()) {
                findings.add(service + ": selects no Deployment's pods");
            }
            for (Object port : Yamls.list(service.yaml(), "spec", "ports")) {
                String target = Yamls.string(port, "targetPort").or(() -> Yamls.string(port, "port")).orElse("?");
                selected.stream().filter(w -> w.containerPort(target).isEmpty()).forEach(w ->
                        findings.add(service + ": targetPort " + target + " is no container port of " + w.name()));
            }
        }
        return findings;
    }

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

    List<String> resources() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads) {
            Map<String, Object> resources = Yamls.map(workload.container(), "resources");
            for (String amount : List.of("requests.cpu", "requests.memory", "limits.cpu", "limits.memory")) {
                String[] path = amount.split("\\.");
                if (Yamls.string(resources, path).isEmpty()) {
                    findings.add(workload.name() + ": no resources." + amount);
                }
            }
            Optional<Double> cpuLimit = Yamls.string(resources, "limits", "cpu").map(Quantities::cores);
            Yamls.string(resources, "requests", "cpu").map(Quantities::cores)
                    .filter(cpu -> cpuLimit.isPresent() && cpu > cpuLimit.get())
                    .ifPresent(cpu -> findings.add(workload.name() + ": requests " + cpu + " CPUs over its limit"));
            Optional<Long> limit = Yamls.string(resources, "limits", "memory").map(Quantities::bytes);
            Optional<Long> request = Yamls.string(resources, "requests", "memory").map(Quantities::bytes);
            if (limit.isPresent() && !limit.equals(request)) {
                findings.add(workload.name() + ": memory request " + request.orElse(0L) + " differs from its limit "
                        + limit.get() + " (a JVM's heap does not shrink back: a pod may not count on memory it may lose)");
            }
            limit.ifPresent(bytes -> {
                double heapPercentage = maxRamPercentage(workload);
                long nonHeap = (long) (bytes * (1 - heapPercentage / 100));
                if (nonHeap < MIN_NON_HEAP_BYTES) {
                    findings.add(workload.name() + ": memory limit " + (bytes >> 20) + "Mi with MaxRAMPercentage="
                            + heapPercentage + " leaves " + (nonHeap >> 20) + "Mi beside the heap, under "
                            + (MIN_NON_HEAP_BYTES >> 20) + "Mi");
                }
            });
        }
        return findings;
    }

    private double maxRamPercentage(Workload workload) {
        Matcher matcher = MAX_RAM_PERCENTAGE.matcher(
                workload.literalEnvironment(manifests).getOrDefault("JAVA_TOOL_OPTIONS", ""));
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : DEFAULT_MAX_RAM_PERCENTAGE;
    }

    List<String> disruptionBudgets() {
        List<String> findings = new ArrayList<>();
        List<Document> budgets = manifests.applied("PodDisruptionBudget");
        Set<String> covered = new HashSet<>();
        for (Document budget : budgets) {
            Map<String, Object> selector = Yamls.map(budget.yaml(), "spec", "selector", "matchLabels");
            List<Workload> selected = workloads.stream().filter(w -> w.selectedBy(selector)).toList();
            if (selected.isEmpty()) {
                findings.add(budget + ": selects no Deployment's pods");
            }
            selected.forEach(w -> covered.add(w.deployment().name()));
            Yamls.string(budget.yaml(), "spec", "minAvailable").map(Integer::valueOf).ifPresent(minAvailable ->
                    selected.stream().filter(w -> minAvailable >= Scaling.minReplicas(manifests, w.deployment()))
                            .forEach(w -> findings.add(budget + ": minAvailable " + minAvailable + " blocks every drain of "
                                    + w.deployment().name() + " at its minimum replicas")));
        }
        workloads.stream().map(w -> w.deployment().name()).distinct().filter(d -> !covered.contains(d))
                .forEach(d -> findings.add("Deployment " + d + ": no PodDisruptionBudget selects its pods"));
        return findings;
    }

    private static String actuatorBase(ServiceConfig config) {
        return config.defaultValue("management.endpoints.web.base-path").orElse("/actuator");
    }

    private static boolean exposed(ServiceConfig config, String endpoint) {
        String include = config.defaultValue("management.endpoints.web.exposure.include").orElse("health");
        return include.equals("*") || List.of(include.split("\\s*,\\s*")).contains(endpoint);
    }
}
