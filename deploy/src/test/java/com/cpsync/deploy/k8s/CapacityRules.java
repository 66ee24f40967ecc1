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
 * Every container has CPU and memory requests and limits that leave room beside the JVM's heap, and every
 * Deployment a disruption budget that lets a drain proceed. Findings, one line each.
 */
record CapacityRules(Manifests manifests, List<Workload> workloads) {

    private static final Pattern MAX_RAM_PERCENTAGE = Pattern.compile("-XX:MaxRAMPercentage=([0-9.]+)");
    /** The JVM's heap share of the container's memory without -XX:MaxRAMPercentage. */
    private static final double DEFAULT_MAX_RAM_PERCENTAGE = 25;
    /** Metaspace, code cache, thread stacks and Netty's and Kafka's buffers of one of our services. */
    private static final long MIN_NON_HEAP_BYTES = 256L << 20;

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
}
