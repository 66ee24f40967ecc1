package com.cpsync.deploy.k8s;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.cpsync.deploy.k8s.Manifests.Document;

/**
 * One container of an applied Deployment, with the environment it gets (its own {@code env} values and
 * every key of the ConfigMaps it imports) and the module whose configuration it runs.
 */
record Workload(Document deployment, Map<String, Object> container, Optional<ServiceConfig> config) {

    static List<Workload> all(Manifests manifests, ServiceCatalog services) {
        return manifests.applied("Deployment").stream()
                .flatMap(d -> Yamls.list(d.yaml(), "spec", "template", "spec", "containers").stream()
                        .map(c -> new Workload(d, Yamls.map(c), services.config(Yamls.string(c, "name").orElse("")))))
                .toList();
    }

    String name() {
        return deployment.name() + "/" + Yamls.string(container, "name").orElse("?");
    }

    String module() {
        return Yamls.string(container, "name").orElse("?");
    }

    Map<String, Object> podLabels() {
        return Yamls.map(deployment.yaml(), "spec", "template", "metadata", "labels");
    }

    Map<String, Object> annotations() {
        return Yamls.map(deployment.yaml(), "spec", "template", "metadata", "annotations");
    }

    List<Object> ports() {
        return Yamls.list(container, "ports");
    }

    /** A probe's or a Service's port, by name or number, as the container port number it means. */
    Optional<String> containerPort(String nameOrNumber) {
        return ports().stream()
                .filter(p -> nameOrNumber.equals(Yamls.string(p, "name").orElse(null))
                        || nameOrNumber.equals(Yamls.string(p, "containerPort").orElse(null)))
                .map(p -> Yamls.string(p, "containerPort").orElse("?")).findFirst();
    }

    /** Literal values the container's environment gets; a ConfigMap's keys first, its own env over them. */
    Map<String, String> literalEnvironment(Manifests manifests) {
        Map<String, String> environment = new LinkedHashMap<>();
        for (String configMap : importedConfigMaps()) {
            manifests.applied("ConfigMap", configMap).ifPresent(cm -> Yamls.map(cm.yaml(), "data")
                    .forEach((key, value) -> environment.put(key, String.valueOf(value))));
        }
        for (Object variable : Yamls.list(container, "env")) {
            Yamls.string(variable, "value").ifPresent(v -> environment.put(Yamls.string(variable, "name").orElse(""), v));
        }
        return environment;
    }

    List<String> importedConfigMaps() {
        return Yamls.list(container, "envFrom").stream()
                .map(source -> Yamls.string(source, "configMapRef", "name")).flatMap(Optional::stream).toList();
    }

    boolean selectedBy(Map<String, Object> matchLabels) {
        return !matchLabels.isEmpty() && matchLabels.entrySet().stream()
                .allMatch(label -> String.valueOf(label.getValue()).equals(String.valueOf(podLabels().get(label.getKey()))));
    }
}
