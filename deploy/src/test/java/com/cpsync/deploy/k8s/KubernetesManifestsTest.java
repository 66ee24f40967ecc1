package com.cpsync.deploy.k8s;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import com.cpsync.deploy.k8s.Manifests.Document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every manifest under deploy/k8s against the configuration of the service it runs, read from the
 * service modules' sources (issue 9, point 6). The second half breaks one manifest at a time, in memory,
 * and expects the finding: each rule can fail.
 */
class KubernetesManifestsTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Path K8S = REPO.resolve("deploy/k8s");

    private final Manifests manifests = Manifests.load(K8S);
    private static final ServiceCatalog SERVICES = new ServiceCatalog(REPO);

    @Test
    void shouldApplyOnlyFilesThatExistAndEveryServiceModuleOnce() {
        assertThat(manifests.appliedFiles()).allSatisfy(file -> assertThat(K8S.resolve(file)).isRegularFile());
        assertThat(manifests.applied("Deployment")).extracting(Document::name)
                .containsExactlyInAnyOrder("mapping-service", "cp-outbound-service", "qbo-inbound-service",
                        "ops-console");
    }

    @ParameterizedTest(name = "should {0}")
    @MethodSource("everyRuleAsApplied")
    void shouldFindNothingWrongWithTheManifestsAsApplied(String rule, List<String> findings) {
        assertThat(findings).as(rule).isEmpty();
    }

    static Stream<Arguments> everyRuleAsApplied() {
        Manifests applied = Manifests.load(K8S);
        return Stream.of(
                arguments("expose the services' port and probe their actuator health groups",
                        listeners(applied).portsAndProbes()),
                arguments("set only environment variables the services read", environment(applied).environment()),
                arguments("give every container requests and limits that leave room beside the heap",
                        capacity(applied).resources()),
                arguments("cover every deployment with a disruption budget that lets a drain proceed",
                        capacity(applied).disruptionBudgets()),
                arguments("scale both sync services on the lag of a group they run, within their topics' partitions",
                        scaling(applied).scaledObjects()),
                arguments("deny by default and open only ports the pods listen on", network(applied).policies()));
    }

    @Test
    void shouldScaleBothSyncServicesAndNothingElse() {
        assertThat(manifests.applied("ScaledObject")).extracting(Document::name)
                .containsExactlyInAnyOrder("cp-outbound-service", "qbo-inbound-service");
    }

    @Test
    void shouldDeclareEveryTopicTheServicesUseAndPairTheWaitingTopicWithTheEventsTopic() {
        Scaling scaling = scaling(manifests);

        assertThat(scaling.topics()).isEmpty();
        assertThat(scaling.partitions("cp-outbound.waiting.v1")).isPresent()
                .isEqualTo(scaling.partitions("centerpoint.events.v1"));
    }

    @Test
    void shouldLetOnlyTheSyncServicesAndTheConsoleReachMappingServiceFromInsideTheNamespace() {
        List<Object> peers = Yamls.list(manifests.edit("NetworkPolicy", "mapping-service"), "spec", "ingress").stream()
                .flatMap(rule -> Yamls.list(rule, "from").stream())
                .filter(peer -> Yamls.map(peer, "namespaceSelector").isEmpty()).toList();

        assertThat(peers).extracting(peer -> Yamls.string(peer, "podSelector", "matchLabels", "app.kubernetes.io/name").orElse(""))
                .containsExactlyInAnyOrder("cp-outbound-service", "qbo-inbound-service", "ops-console");
    }

    @Test
    void shouldReportAContainerPortOffTheServicesServerPort() {
        containerOf("cp-outbound-service").put("ports", List.of(new LinkedHashMap<>(Map.of("name", "http", "containerPort", 8080))));

        assertThat(listeners(manifests).portsAndProbes()).contains("cp-outbound-service/cp-outbound-service: containerPort 8080 "
                + "but server.port defaults to 8082 (../cp-outbound-service/src/main/resources/cp-outbound-service.properties)");
    }

    @Test
    void shouldReportAnEnvironmentThatMovesTheServiceOffItsPortOrOntoLoopback() {
        List<Object> env = new ArrayList<>(Yamls.list(containerOf("qbo-inbound-service"), "env"));
        env.add(Map.of("name", "QBO_INBOUND_PORT", "value", "9083"));
        env.add(Map.of("name", "SERVER_ADDRESS", "value", "127.0.0.1"));
        env.removeIf(variable -> "SERVER_PORT".equals(Yamls.string(variable, "name").orElse("")));
        containerOf("qbo-inbound-service").put("env", env);

        assertThat(listeners(manifests).portsAndProbes())
                .anyMatch(finding -> finding.startsWith("qbo-inbound-service/qbo-inbound-service: its environment moves "
                        + "the service to port 9083, off server.port 8083"))
                .anyMatch(finding -> finding.startsWith("qbo-inbound-service/qbo-inbound-service: listens on 127.0.0.1 "
                        + "only"));
    }

    @Test
    void shouldReportAProbeOnAPathTheServiceDoesNotServe() {
        Yamls.map(containerOf("mapping-service"), "readinessProbe", "httpGet").put("path", "/health");

        assertThat(listeners(manifests).portsAndProbes()).anyMatch(finding ->
                finding.startsWith("mapping-service/mapping-service: readinessProbe path /health is not one of"));
    }

    @Test
    void shouldReportAnEnvironmentVariableTheServiceDoesNotReadOrASecretKeyNotDeclared() {
        List<Object> env = new ArrayList<>(Yamls.list(containerOf("qbo-inbound-service"), "env"));
        env.add(Map.of("name", "QBO_WEBHOOK_TOKEN", "valueFrom",
                Map.of("secretKeyRef", Map.of("name", "cpsync-secrets", "key", "QBO_WEBHOOK_TOKEN"))));
        containerOf("qbo-inbound-service").put("env", env);

        assertThat(environment(manifests).environment()).anyMatch(finding -> finding.startsWith(
                "qbo-inbound-service/qbo-inbound-service: sets QBO_WEBHOOK_TOKEN, which qbo-inbound-service does not read"))
                .contains("qbo-inbound-service/qbo-inbound-service: QBO_WEBHOOK_TOKEN refers to key QBO_WEBHOOK_TOKEN of "
                        + "Secret cpsync-secrets, which the applied manifests do not declare");
    }

    @Test
    void shouldReportAScaledObjectOnTheConfiguredGroupIdThatTheListenersDoNotUse() {
        Map<String, Object> trigger = Yamls.map(Yamls.list(manifests.edit("ScaledObject", "qbo-inbound-service"),
                "spec", "triggers").get(0), "metadata");
        trigger.put("consumerGroup", "qbo-inbound-service");

        assertThat(scaling(manifests).scaledObjects()).anyMatch(finding -> finding.startsWith("ScaledObject "
                + "qbo-inbound-service (keda.yaml): group qbo-inbound-service on qbo.changes.v1 is not a listener of "
                + "qbo-inbound-service"));
    }

    @Test
    void shouldReportMoreReplicasThanPartitions() {
        Yamls.map(manifests.edit("ScaledObject", "cp-outbound-service"), "spec").put("maxReplicaCount", 12);

        assertThat(scaling(manifests).scaledObjects()).contains("ScaledObject cp-outbound-service (keda.yaml): "
                + "maxReplicaCount 12 is over the 6 partitions of centerpoint.events.v1 (the rest would sit idle)");
    }

    @Test
    void shouldReportAPolicyForPodsThatDoNotExistAndAPodOpenedToTheIngressControllerWithoutARoute() {
        Yamls.map(manifests.edit("NetworkPolicy", "mapping-service"), "spec", "podSelector", "matchLabels")
                .put("app.kubernetes.io/name", "mapping");
        Map<String, Object> outbound = Yamls.map(manifests.edit("NetworkPolicy", "cp-outbound-service"), "spec");
        outbound.put("ingress", List.of(Map.of("from", List.of(Map.of("namespaceSelector",
                Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx")))))));

        assertThat(network(manifests).policies())
                .contains("NetworkPolicy mapping-service (networkpolicies.yaml): podSelector "
                        + "{app.kubernetes.io/name=mapping} selects no Deployment's pods")
                .anyMatch(finding -> finding.startsWith("the Ingress controller may reach [cp-outbound-service, "));
    }

    @Test
    void shouldReportADeploymentWithoutMemoryLimitOrDisruptionBudget() {
        Yamls.map(containerOf("mapping-service"), "resources").remove("limits");
        Yamls.map(manifests.edit("PodDisruptionBudget", "mapping-service"), "spec", "selector", "matchLabels")
                .put("app.kubernetes.io/name", "cp-outbound-service");

        assertThat(capacity(manifests).resources()).contains("mapping-service/mapping-service: no resources.limits.memory");
        assertThat(capacity(manifests).disruptionBudgets())
                .contains("Deployment mapping-service: no PodDisruptionBudget selects its pods");
    }

    @Test
    void shouldReportAHeapThatLeavesTooLittleMemoryBesideIt() {
        Yamls.map(manifests.edit("ConfigMap", "cpsync-config"), "data").put("JAVA_TOOL_OPTIONS", "-XX:MaxRAMPercentage=90");

        assertThat(capacity(manifests).resources()).contains("cp-outbound-service/cp-outbound-service: memory limit 1024Mi "
                + "with MaxRAMPercentage=90.0 leaves 102Mi beside the heap, under 256Mi");
    }

    private Map<String, Object> containerOf(String deployment) {
        return Yamls.map(Yamls.list(manifests.edit("Deployment", deployment), "spec", "template", "spec", "containers").get(0));
    }

    private static ListenerRules listeners(Manifests current) {
        return new ListenerRules(current, Workload.all(current, SERVICES));
    }

    private static EnvironmentRules environment(Manifests current) {
        return new EnvironmentRules(current, Workload.all(current, SERVICES));
    }

    private static CapacityRules capacity(Manifests current) {
        return new CapacityRules(current, Workload.all(current, SERVICES));
    }

    private static Scaling scaling(Manifests current) {
        return new Scaling(current, Workload.all(current, SERVICES));
    }

    private static NetworkRules network(Manifests current) {
        return new NetworkRules(current, Workload.all(current, SERVICES));
    }
}
