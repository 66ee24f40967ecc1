package com.cpsync.schemas.asyncapi;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.avro.Schema;

import com.cpsync.schemas.asyncapi.AsyncApiDocument.Channel;
import com.cpsync.schemas.asyncapi.AsyncApiDocument.Message;
import com.cpsync.schemas.asyncapi.AsyncApiDocument.Operation;
import com.cpsync.testsupport.AvroNamedTypes;

/**
 * The rules that keep docs/asyncapi.yaml true to the code and the Avro schemas, each a function returning
 * the problems it finds (empty when the document holds), so that the tests can also prove each rule bites.
 */
final class AsyncApiContract {

    static final String AVRO_FORMAT = "application/vnd.apache.avro;version=1.9.0";
    static final Set<String> DEAD_LETTER_HEADERS =
            Set.of("kafka_dlt-exception-message", "kafka_dlt-original-topic", "cpsync_dlt-reason");

    private AsyncApiContract() {
    }

    /** Every topic the code names is a channel. */
    static List<String> undocumentedTopics(AsyncApiDocument doc, Map<String, Map<String, Path>> topicsByModule) {
        Set<String> addresses = addresses(doc);
        List<String> problems = new ArrayList<>();
        topicsByModule.forEach((module, topics) -> topics.forEach((topic, file) -> {
            if (!addresses.contains(topic)) {
                problems.add("topic " + topic + " (named in " + file + ") has no channel in " + doc.file());
            }
        }));
        return problems;
    }

    /** Every channel is a topic the code names, or the dead-letter topic of one. */
    static List<String> channelsTheCodeDoesNotName(AsyncApiDocument doc, Set<String> topicsInCode) {
        List<String> problems = new ArrayList<>();
        for (Channel channel : doc.channels().values()) {
            String address = channel.address();
            boolean named = topicsInCode.contains(address) || channel.isDeadLetterTopic()
                    && topicsInCode.contains(address.substring(0, address.length() - ".DLT".length()));
            if (!named) {
                problems.add("channel " + channel.key() + " (" + address + ") is a topic no module's code names");
            }
        }
        return problems;
    }

    /**
     * Every message of a topic (dead-letter topics aside) has an Avro payload referring to a kept schema file
     * that is identical to the current schema of the same record; dead letters carry the failure headers.
     */
    static List<String> payloadProblems(AsyncApiDocument doc, Map<String, Schema> currentByFullName) {
        List<String> problems = new ArrayList<>();
        for (Channel channel : doc.channels().values()) {
            for (Message message : channel.messages()) {
                String where = "channel " + channel.key() + " message " + message.name();
                if (channel.isDeadLetterTopic()) {
                    Set<String> missing = new TreeSet<>(DEAD_LETTER_HEADERS);
                    missing.removeAll(message.headers());
                    if (!missing.isEmpty()) {
                        problems.add(where + " lacks the dead-letter headers " + missing);
                    }
                } else {
                    problems.addAll(avroPayloadProblems(doc, where, message, currentByFullName));
                }
            }
        }
        return problems;
    }

    private static List<String> avroPayloadProblems(AsyncApiDocument doc, String where, Message message,
            Map<String, Schema> currentByFullName) {
        if (!AVRO_FORMAT.equals(message.schemaFormat()) || message.schemaRef() == null) {
            return List.of(where + " must refer to an Avro schema file (schemaFormat " + AVRO_FORMAT + ", schema.$ref)");
        }
        Path file = doc.file().getParent().resolve(message.schemaRef()).normalize();
        if (!Files.isRegularFile(file)) {
            return List.of(where + " refers to " + message.schemaRef() + ", which does not exist");
        }
        Schema referred;
        try {
            referred = new Schema.Parser().parse(file.toFile());
        } catch (IOException | RuntimeException ex) {
            return List.of(where + " refers to " + message.schemaRef() + ", which is not a self-contained Avro schema: "
                    + ex.getMessage());
        }
        Schema current = currentByFullName.get(referred.getFullName());
        if (current == null) {
            return List.of(where + " refers to " + referred.getFullName() + ", which is no current schema");
        }
        if (!current.equals(referred)) {
            return List.of(where + " refers to " + message.schemaRef() + ", which is not the current "
                    + referred.getName() + ".avsc: point it to the kept version identical to it (src/main/avro-history/"
                    + referred.getName() + "/vN.avsc, see schemas/README.md)");
        }
        return List.of();
    }

    /** Every current schema file is a payload of some channel, or a type nested in one. */
    static List<String> unusedSchemas(AsyncApiDocument doc, Map<String, Schema> currentByFullName) {
        Set<String> used = new HashSet<>();
        for (Channel channel : doc.channels().values()) {
            for (Message message : channel.messages()) {
                if (message.schemaRef() != null) {
                    Path file = doc.file().getParent().resolve(message.schemaRef()).normalize();
                    if (Files.isRegularFile(file)) {
                        try {
                            AvroNamedTypes.reachableFrom(new Schema.Parser().parse(file.toFile()))
                                    .forEach(named -> used.add(named.getFullName()));
                        } catch (IOException | RuntimeException ex) {
                            // reported by payloadProblems
                        }
                    }
                }
            }
        }
        return currentByFullName.keySet().stream().filter(name -> !used.contains(name)).sorted()
                .map(name -> "schema " + name + " is used by no channel of " + doc.file())
                .collect(Collectors.toList());
    }

    /** Every message says what its key is; every channel has a sender and, unless a DLT, a receiver. */
    static List<String> keyAndOperationProblems(AsyncApiDocument doc, Set<String> modules) {
        List<String> problems = new ArrayList<>();
        for (Channel channel : doc.channels().values()) {
            if (channel.messages().isEmpty()) {
                problems.add("channel " + channel.key() + " has no message");
            }
            for (Message message : channel.messages()) {
                if (!"string".equals(message.keyType()) || message.keyDescription() == null) {
                    problems.add("channel " + channel.key() + " message " + message.name()
                            + " needs a Kafka key binding of type string with a description");
                }
            }
            if (actions(doc, channel.key()).stream().noneMatch("send"::equals)) {
                problems.add("channel " + channel.key() + " has no send operation");
            }
            if (!channel.isDeadLetterTopic() && actions(doc, channel.key()).stream().noneMatch("receive"::equals)) {
                problems.add("channel " + channel.key() + " has no receive operation");
            }
        }
        for (Operation operation : doc.operations()) {
            if (!doc.channels().containsKey(operation.channelKey())) {
                problems.add("operation " + operation.id() + " refers to no channel of the document");
            }
            if (!Set.of("send", "receive").contains(operation.action())) {
                problems.add("operation " + operation.id() + " has action " + operation.action());
            }
            if (operation.tags().size() != 1 || !modules.contains(operation.tags().get(0))) {
                problems.add("operation " + operation.id() + " must be tagged with exactly one module of " + modules);
            }
        }
        return problems;
    }

    /** Each module with operations has one on every topic its own code names. */
    static List<String> topicsWithoutOperationOfTheirModule(AsyncApiDocument doc,
            Map<String, Map<String, Path>> topicsByModule) {
        List<String> problems = new ArrayList<>();
        topicsByModule.forEach((module, topics) -> {
            Set<String> operated = doc.operations().stream().filter(o -> o.tags().contains(module))
                    .map(o -> doc.channels().get(o.channelKey())).filter(c -> c != null).map(Channel::address)
                    .collect(Collectors.toSet());
            if (operated.isEmpty()) {
                return;
            }
            topics.forEach((topic, file) -> {
                if (!operated.contains(topic)) {
                    problems.add(module + " names " + topic + " (in " + file + ") but has no operation on it");
                }
            });
        });
        return problems;
    }

    private static Set<String> addresses(AsyncApiDocument doc) {
        return doc.channels().values().stream().map(Channel::address).collect(Collectors.toSet());
    }

    private static List<String> actions(AsyncApiDocument doc, String channelKey) {
        return doc.operations().stream().filter(o -> channelKey.equals(o.channelKey())).map(Operation::action)
                .collect(Collectors.toList());
    }
}
