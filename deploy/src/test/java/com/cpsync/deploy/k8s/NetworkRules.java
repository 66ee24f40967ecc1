package com.cpsync.deploy.k8s;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.cpsync.deploy.k8s.Manifests.Document;

/**
 * The NetworkPolicies: the namespace denies by default, every policy and every in-namespace peer selects
 * pods that exist, every port it opens is one those pods listen on, and only the pods behind an Ingress
 * are reachable from the Ingress controller.
 */
record NetworkRules(Manifests manifests, List<Workload> workloads) {

    static final String INGRESS_CONTROLLER_NAMESPACE = "ingress-nginx";

    List<String> policies() {
        List<String> findings = new ArrayList<>();
        List<Document> policies = manifests.applied("NetworkPolicy");
        if (policies.stream().noneMatch(NetworkRules::deniesAllIngress)) {
            findings.add("no NetworkPolicy denies ingress to every pod of the namespace by default");
        }
        for (Document policy : policies) {
            Map<String, Object> podSelector = Yamls.map(policy.yaml(), "spec", "podSelector", "matchLabels");
            List<Workload> selected = podSelector.isEmpty() ? workloads
                    : workloads.stream().filter(w -> w.selectedBy(podSelector)).toList();
            if (selected.isEmpty()) {
                findings.add(policy + ": podSelector " + podSelector + " selects no Deployment's pods");
            }
            for (Object rule : Yamls.list(policy.yaml(), "spec", "ingress")) {
                findings.addAll(peers(policy, Yamls.list(rule, "from"), List.of()));
                for (Object port : Yamls.list(rule, "ports")) {
                    String opened = Yamls.string(port, "port").orElse("?");
                    selected.stream().filter(w -> w.containerPort(opened).isEmpty()).forEach(w -> findings.add(
                            policy + ": opens port " + opened + ", which " + w.name() + " does not declare"));
                }
            }
            for (Object rule : Yamls.list(policy.yaml(), "spec", "egress")) {
                findings.addAll(peers(policy, Yamls.list(rule, "to"), Yamls.list(rule, "ports")));
            }
        }
        findings.addAll(reachableFromOutside(policies));
        return findings;
    }

    /** In-namespace peers select pods that exist, and an egress rule's ports are ports those pods declare. */
    private List<String> peers(Document policy, List<Object> peers, List<Object> ports) {
        List<String> findings = new ArrayList<>();
        for (Object peer : peers) {
            Map<String, Object> podSelector = Yamls.map(peer, "podSelector", "matchLabels");
            if (!Yamls.map(peer, "namespaceSelector").isEmpty() || podSelector.isEmpty()) {
                continue;
            }
            List<Workload> peerPods = workloads.stream().filter(w -> w.selectedBy(podSelector)).toList();
            if (peerPods.isEmpty()) {
                findings.add(policy + ": peer " + podSelector + " selects no Deployment's pods");
            }
            for (Object port : ports) {
                String reached = Yamls.string(port, "port").orElse("?");
                peerPods.stream().filter(w -> w.containerPort(reached).isEmpty()).forEach(w -> findings.add(
                        policy + ": reaches port " + reached + " of " + w.name() + ", which it does not declare"));
            }
        }
        return findings;
    }

    /** Deployments the Ingress controller may reach must be exactly those an Ingress routes to. */
    private List<String> reachableFromOutside(List<Document> policies) {
        Set<String> admitted = new TreeSet<>();
        for (Document policy : policies) {
            Map<String, Object> podSelector = Yamls.map(policy.yaml(), "spec", "podSelector", "matchLabels");
            boolean fromController = Yamls.list(policy.yaml(), "spec", "ingress").stream()
                    .flatMap(rule -> Yamls.list(rule, "from").stream())
                    .anyMatch(peer -> INGRESS_CONTROLLER_NAMESPACE.equals(Yamls.string(peer, "namespaceSelector",
                            "matchLabels", "kubernetes.io/metadata.name").orElse(null)));
            if (fromController) {
                workloads.stream().filter(w -> podSelector.isEmpty() || w.selectedBy(podSelector))
                        .forEach(w -> admitted.add(w.deployment().name()));
            }
        }
        Set<String> routed = new TreeSet<>();
        for (Document ingress : manifests.applied("Ingress")) {
            Yamls.list(ingress.yaml(), "spec", "rules").stream()
                    .flatMap(rule -> Yamls.list(rule, "http", "paths").stream())
                    .map(path -> Yamls.string(path, "backend", "service", "name").orElse("?"))
                    .forEach(service -> routed.addAll(podsBehind(service)));
        }
        return admitted.equals(routed) ? List.of()
                : List.of("the Ingress controller may reach " + admitted + ", but Ingresses route to " + routed);
    }

    private List<String> podsBehind(String serviceName) {
        return manifests.applied("Service", serviceName)
                .map(s -> workloads.stream().filter(w -> w.selectedBy(Yamls.map(s.yaml(), "spec", "selector")))
                        .map(w -> w.deployment().name()).toList())
                .orElse(List.of());
    }

    private static boolean deniesAllIngress(Document policy) {
        return Yamls.map(policy.yaml(), "spec", "podSelector").isEmpty()
                && Yamls.list(policy.yaml(), "spec", "policyTypes").contains("Ingress")
                && Yamls.list(policy.yaml(), "spec", "ingress").isEmpty();
    }
}
