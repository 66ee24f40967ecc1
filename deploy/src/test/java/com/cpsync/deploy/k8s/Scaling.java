package com.cpsync.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import com.cpsync.deploy.k8s.Manifests.Document;

/**
 * Autoscaling and topics: each KEDA ScaledObject scales a Deployment on a consumer group and topic its
 * service really reads, within that topic's partitions, and no Deployment has two autoscalers; every topic
 * a service reads or writes by configuration is declared in topics.yaml.
 */
record Scaling(Manifests manifests, List<Workload> workloads) {

    /** The fewest replicas a Deployment runs: what its autoscaler allows, else its own count. */
    static int minReplicas(Manifests manifests, Document deployment) {
        Optional<Integer> keda = targeting(manifests.applied("ScaledObject"), deployment.name()).findFirst()
                .map(s -> Integer.valueOf(Yamls.string(s.yaml(), "spec", "minReplicaCount").orElse("0")));
        Optional<Integer> hpa = targeting(manifests.applied("HorizontalPodAutoscaler"), deployment.name()).findFirst()
                .map(h -> Integer.valueOf(Yamls.string(h.yaml(), "spec", "minReplicas").orElse("1")));
        return keda.or(() -> hpa).orElseGet(() -> Integer.valueOf(Yamls.string(deployment.yaml(), "spec", "replicas").orElse("1")));
    }

    List<String> scaledObjects() {
        List<String> findings = new ArrayList<>();
        for (Document scaledObject : manifests.applied("ScaledObject")) {
            String target = Yamls.string(scaledObject.yaml(), "spec", "scaleTargetRef", "name").orElse("?");
            List<Workload> targets = workloads.stream().filter(w -> w.deployment().name().equals(target)).toList();
            if (targets.isEmpty()) {
                findings.add(scaledObject + ": scales Deployment " + target + ", which the manifests do not apply");
            }
            if (targeting(manifests.applied("HorizontalPodAutoscaler"), target).findAny().isPresent()) {
                findings.add(scaledObject + ": Deployment " + target + " also has a HorizontalPodAutoscaler");
            }
            int maxReplicas = Integer.parseInt(Yamls.string(scaledObject.yaml(), "spec", "maxReplicaCount").orElse("100"));
            for (Object trigger : Yamls.list(scaledObject.yaml(), "spec", "triggers")) {
                if ("kafka".equals(Yamls.string(trigger, "type").orElse(""))) {
                    targets.forEach(w -> findings.addAll(kafkaTrigger(scaledObject, Yamls.map(trigger, "metadata"), w, maxReplicas)));
                }
            }
        }
        return findings;
    }

    private List<String> kafkaTrigger(Document scaledObject, Map<String, Object> trigger, Workload workload, int maxReplicas) {
        List<String> findings = new ArrayList<>();
        String group = Yamls.string(trigger, "consumerGroup").orElse("?");
        String topic = Yamls.string(trigger, "topic").orElse("?");
        List<ServiceConfig.Listener> listeners = workload.config().map(ServiceConfig::listeners).orElse(List.of());
        if (listeners.stream().noneMatch(l -> l.group().equals(group) && l.topics().contains(topic))) {
            findings.add(scaledObject + ": group " + group + " on " + topic + " is not a listener of " + workload.module()
                    + ", whose listeners are " + listeners);
        }
        String bootstrap = workload.literalEnvironment(manifests).getOrDefault("KAFKA_BOOTSTRAP_SERVERS", "?");
        if (!bootstrap.equals(Yamls.string(trigger, "bootstrapServers").orElse(""))) {
            findings.add(scaledObject + ": bootstrapServers " + trigger.get("bootstrapServers") + " is not the "
                    + bootstrap + " that " + workload.name() + " consumes from");
        }
        Optional<Integer> partitions = partitions(topic);
        if (partitions.isEmpty()) {
            findings.add(scaledObject + ": topic " + topic + " is not declared in topics.yaml");
        }
        partitions.filter(p -> p < maxReplicas).ifPresent(p -> findings.add(scaledObject + ": maxReplicaCount "
                + maxReplicas + " is over the " + p + " partitions of " + topic + " (the rest would sit idle)"));
        return findings;
    }

    /** Every topic a deployed service's configuration or listeners name is declared as a KafkaTopic. */
    List<String> topics() {
        List<String> findings = new ArrayList<>();
        for (Workload workload : workloads) {
            workload.config().ifPresent(config -> {
                Stream<String> configured = config.topicProperties().stream().map(config::defaultValue).flatMap(Optional::stream);
                Stream<String> listened = config.listeners().stream().flatMap(l -> l.topics().stream())
                        .filter(topic -> !topic.startsWith("?"));
                Stream.concat(configured, listened).distinct().filter(topic -> partitions(topic).isEmpty())
                        .forEach(topic -> findings.add(workload.module() + " uses topic " + topic
                                + ", which topics.yaml does not declare"));
            });
        }
        return findings;
    }

    /** Partitions of a topic as topics.yaml declares it (spec.topicName, else the resource's name). */
    Optional<Integer> partitions(String topic) {
        return manifests.all("KafkaTopic").stream()
                .filter(t -> Yamls.string(t.yaml(), "spec", "topicName").orElse(t.name()).equals(topic))
                .map(t -> Integer.valueOf(Yamls.string(t.yaml(), "spec", "partitions").orElse("1"))).findFirst();
    }

    private static Stream<Document> targeting(List<Document> autoscalers, String deployment) {
        return autoscalers.stream()
                .filter(a -> deployment.equals(Yamls.string(a.yaml(), "spec", "scaleTargetRef", "name").orElse(null)));
    }
}
