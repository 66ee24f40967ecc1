package com.cpsync.schemas.asyncapi;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The parts of docs/asyncapi.yaml the contract checks read: channels with their messages, and operations.
 * Local {@code $ref}s ({@code #/components/...}, {@code #/channels/...}) are followed; a payload's external
 * {@code $ref} is kept as a path relative to the document.
 */
record AsyncApiDocument(Path file, Map<String, Channel> channels, List<Operation> operations) {

    /** One topic. {@code key} is the channel's id in the document, {@code address} the topic name. */
    record Channel(String key, String address, List<Message> messages) {

        boolean isDeadLetterTopic() {
            return address.endsWith(".DLT");
        }
    }

    /**
     * One message: {@code schemaRef} is the external payload reference (null when the payload is inline),
     * {@code keyType} and {@code keyDescription} come from the Kafka message binding.
     */
    record Message(String name, String schemaFormat, String schemaRef, String keyType, String keyDescription,
            Set<String> headers) {
    }

    /** One send or receive, tagged with the module that does it. */
    record Operation(String id, String action, String channelKey, List<String> tags) {
    }

    static AsyncApiDocument read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            Map<String, Object> root = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
            return parse(file, root);
        }
    }

    static AsyncApiDocument parse(Path file, Map<String, Object> root) {
        if (!String.valueOf(root.get("asyncapi")).startsWith("3.")) {
            throw new IllegalArgumentException(file + " is not an AsyncAPI 3 document: asyncapi=" + root.get("asyncapi"));
        }
        Map<String, Channel> channels = new LinkedHashMap<>();
        map(root, "channels").forEach((key, value) -> channels.put(key, channel(root, key, asMap(value))));
        List<Operation> operations = new ArrayList<>();
        map(root, "operations").forEach((id, value) -> operations.add(operation(root, id, asMap(value))));
        return new AsyncApiDocument(file, channels, operations);
    }

    private static Channel channel(Map<String, Object> root, String key, Map<String, Object> channel) {
        List<Message> messages = new ArrayList<>();
        map(channel, "messages").values().forEach(m -> messages.add(message(asMap(resolve(root, m)))));
        return new Channel(key, (String) channel.get("address"), messages);
    }

    private static Message message(Map<String, Object> message) {
        Map<String, Object> payload = map(message, "payload");
        Map<String, Object> schema = map(payload, "schema");
        Map<String, Object> key = map(map(map(message, "bindings"), "kafka"), "key");
        Set<String> headers = new TreeSet<>(map(map(message, "headers"), "properties").keySet());
        return new Message((String) message.get("name"), (String) payload.get("schemaFormat"),
                (String) schema.get("$ref"), (String) key.get("type"), (String) key.get("description"), headers);
    }

    private static Operation operation(Map<String, Object> root, String id, Map<String, Object> operation) {
        String channelRef = (String) map(operation, "channel").get("$ref");
        String channelKey = channelRef == null ? null : channelRef.substring(channelRef.lastIndexOf('/') + 1);
        List<String> tags = new ArrayList<>();
        Object tagList = operation.get("tags");
        if (tagList instanceof List<?> list) {
            list.forEach(tag -> tags.add((String) asMap(resolve(root, tag)).get("name")));
        }
        return new Operation(id, (String) operation.get("action"), channelKey, tags);
    }

    /** Follows a local reference such as {@code #/components/messages/SyncOutcome}. */
    private static Object resolve(Map<String, Object> root, Object node) {
        Object ref = asMap(node).get("$ref");
        if (!(ref instanceof String pointer) || !pointer.startsWith("#/")) {
            return node;
        }
        Object target = root;
        for (String part : pointer.substring(2).split("/")) {
            target = asMap(target).get(part);
        }
        if (target == null) {
            throw new IllegalArgumentException("unresolved reference " + pointer);
        }
        return target;
    }

    private static Map<String, Object> map(Map<String, Object> parent, String name) {
        return asMap(parent.get(name));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object node) {
        return node instanceof Map<?, ?> ? (Map<String, Object>) node : Map.of();
    }
}
