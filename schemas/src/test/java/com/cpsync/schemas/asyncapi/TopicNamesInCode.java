package com.cpsync.schemas.asyncapi;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.cpsync.schemas.Topics;

/**
 * The topic names each module's main code and configuration mention: literals such as
 * {@code cp-outbound.waiting.v1} (in Java, properties and YAML, comments included, since a topic named in a
 * comment is one a reader will look for), {@code Topics.X} constants, {@code Topics.X + ".suffix"} and
 * {@code Topics.dlt(Topics.X)}.
 */
final class TopicNamesInCode {

    /**
     * A versioned dotted name, optionally with one lower-case suffix and a final {@code .DLT}; not followed by
     * another segment, so a package such as {@code io.swagger.v3.oas.models} is no topic.
     */
    static final Pattern TOPIC_LITERAL = Pattern.compile(
            "(?<![\\w.-])((?:[a-z][a-z0-9-]*\\.)+v[0-9]+(?:\\.[a-z][a-z0-9-]*)?(?:\\.DLT)?)(?![\\w-]|\\.\\w)");
    private static final Pattern TOPICS_CONSTANT =
            Pattern.compile("\\bTopics\\.([A-Z][A-Z0-9_]*)\\b(?:\\s*\\+\\s*\"([^\"]*)\")?");
    private static final Pattern TOPICS_DLT_OF_CONSTANT =
            Pattern.compile("\\bTopics\\.dlt\\(\\s*Topics\\.([A-Z][A-Z0-9_]*)\\s*\\)");
    private static final Set<String> SCANNED_EXTENSIONS = Set.of("java", "properties", "yml", "yaml");

    private TopicNamesInCode() {
    }

    /** Module directory name → (topic → first file that names it), for every module with {@code src/main}. */
    static Map<String, Map<String, Path>> byModule(Path repositoryRoot) {
        Map<String, Map<String, Path>> byModule = new TreeMap<>();
        try (Stream<Path> modules = Files.list(repositoryRoot)) {
            modules.filter(dir -> Files.isDirectory(dir.resolve("src/main")) && Files.exists(dir.resolve("pom.xml")))
                    .forEach(dir -> byModule.put(dir.getFileName().toString(), scan(repositoryRoot, dir.resolve("src/main"))));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return byModule;
    }

    /** Topic → first file that names it, for every scanned file under {@code dir}. */
    static Map<String, Path> scan(Path repositoryRoot, Path dir) {
        Map<String, Path> topics = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).filter(TopicNamesInCode::scanned).sorted().forEach(file -> {
                for (String topic : topicsIn(read(file))) {
                    topics.putIfAbsent(topic, repositoryRoot.relativize(file));
                }
            });
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return topics;
    }

    static Set<String> topicsIn(String text) {
        Set<String> topics = new TreeSet<>();
        Matcher literal = TOPIC_LITERAL.matcher(text);
        while (literal.find()) {
            topics.add(literal.group(1));
        }
        Map<String, String> constants = topicConstants();
        Matcher constant = TOPICS_CONSTANT.matcher(text);
        while (constant.find()) {
            String value = constants.get(constant.group(1));
            if (value != null) {
                topics.add(constant.group(2) == null ? value : value + constant.group(2));
            }
        }
        Matcher dlt = TOPICS_DLT_OF_CONSTANT.matcher(text);
        while (dlt.find()) {
            String value = constants.get(dlt.group(1));
            if (value != null) {
                topics.add(Topics.dlt(value));
            }
        }
        return topics;
    }

    /** The public String constants of {@link Topics}, by field name. */
    static Map<String, String> topicConstants() {
        Map<String, String> constants = new TreeMap<>();
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class) {
                try {
                    constants.put(field.getName(), (String) field.get(null));
                } catch (IllegalAccessException ex) {
                    throw new IllegalStateException(ex);
                }
            }
        }
        return constants;
    }

    private static boolean scanned(Path file) {
        String name = file.getFileName().toString();
        return SCANNED_EXTENSIONS.contains(name.substring(name.lastIndexOf('.') + 1));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
