package com.cpsync.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.cpsync.deploy.k8s.Manifests.Document;

/**
 * Each container listens where its service does: container ports on the {@code server.port} default, an
 * environment that neither moves it nor binds it to loopback, probes on the actuator's health groups,
 * Prometheus annotations on its exposed endpoint, Services on declared ports. Findings, one line each.
 */
record ListenerRules(Manifests manifests, List<Workload> workloads) {

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
        config.valueWith("server.address", environment).filter(ListenerRules::loopback).ifPresent(address ->
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

    private static String actuatorBase(ServiceConfig config) {
        return config.defaultValue("management.endpoints.web.base-path").orElse("/actuator");
    }

    private static boolean exposed(ServiceConfig config, String endpoint) {
        String include = config.defaultValue("management.endpoints.web.exposure.include").orElse("health");
        return include.equals("*") || List.of(include.split("\\s*,\\s*")).contains(endpoint);
    }
}
