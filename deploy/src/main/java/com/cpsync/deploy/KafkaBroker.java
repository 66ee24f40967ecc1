package com.cpsync.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) from Apache Kafka's own
 * server artifacts, run as a separate JVM: storage formatted with a random cluster id in a
 * temporary directory, then {@code kafka.Kafka server.properties}.
 */
record KafkaBroker(StackConfig config, JavaCommand java, ChildProcesses processes) {

    static final List<String> TOPICS = List.of("centerpoint.events.v1", "centerpoint.sync-settings.v1",
            "centerpoint.commands.v1", "qbo.changes.v1", "sync.outcomes.v1");
    private static final String COMPACTED_TOPIC = "centerpoint.sync-settings.v1";
    private static final int PARTITIONS = 3;

    void start(Path workDir) throws IOException, InterruptedException {
        Files.createDirectories(workDir);
        Path properties = workDir.resolve("server.properties");
        Files.writeString(properties, serverProperties(workDir.resolve("data")));
        Path log4j = workDir.resolve("log4j2.xml");
        Files.writeString(log4j, LOG4J_CONFIG);
        List<String> jvm = List.of("-Xmx512m", "-XX:+UseSerialGC", "-Dlog4j2.configurationFile=" + log4j.toUri());
        processes.runToCompletion("kafka storage format",
                java.classpathCommand(jvm, "kafka.tools.StorageTool",
                        List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString())),
                config.logsDir().resolve("kafka-format.log"), 120);
        processes.start("kafka", java.classpathCommand(jvm, "kafka.Kafka", List.of(properties.toString())),
                Map.of(), config.logsDir().resolve("kafka.log"));
    }

    String serverProperties(Path dataDir) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@localhost:" + config.kafkaControllerPort(),
                "listeners=PLAINTEXT://localhost:" + config.kafkaPort() + ",CONTROLLER://localhost:" + config.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://localhost:" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dataDir,
                "num.partitions=" + PARTITIONS,
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "") ;
    }

    /** Waits until the broker answers, then creates the contract topics (settings compacted). */
    void awaitReadyAndCreateTopics(Duration timeout) throws InterruptedException {
        Properties admin = new Properties();
        admin.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrapServers());
        admin.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        admin.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            try (Admin client = Admin.create(admin)) {
                client.describeCluster().nodes().get(10, TimeUnit.SECONDS);
                createTopics(client);
                return;
            }
            catch (ExecutionException | java.util.concurrent.TimeoutException | RuntimeException ex) {
                last = ex;
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("Kafka did not become ready within " + timeout.toSeconds() + " s, see "
                + config.logsDir().resolve("kafka.log") + (last == null ? "" : ": " + last.getMessage()));
    }

    private static void createTopics(Admin client) throws ExecutionException, InterruptedException {
        List<NewTopic> topics = new ArrayList<>();
        for (String name : TOPICS) {
            NewTopic topic = new NewTopic(name, PARTITIONS, (short) 1);
            if (name.equals(COMPACTED_TOPIC)) {
                topic.configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
            }
            topics.add(topic);
        }
        try {
            client.createTopics(topics).all().get();
        }
        catch (ExecutionException ex) {
            if (!(ex.getCause() instanceof TopicExistsException)) {
                throw ex;
            }
        }
    }

    private static final String LOG4J_CONFIG = """
            <?xml version="1.0" encoding="UTF-8"?>
            <Configuration status="WARN">
                <Appenders>
                    <Console name="stdout" target="SYSTEM_OUT">
                        <PatternLayout pattern="[%d] %p %m (%c)%n"/>
                    </Console>
                </Appenders>
                <Loggers>
                    <Logger name="kafka" level="INFO"/>
                    <Logger name="org.apache.kafka" level="INFO"/>
                    <Root level="WARN">
                        <AppenderRef ref="stdout"/>
                    </Root>
                </Loggers>
            </Configuration>
            """;
}
