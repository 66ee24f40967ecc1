package com.cpsync.deploy.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service module reads, from its sources as checked in: the defaults file
 * {@code src/main/resources/<module>.properties} (every service loads its defaults from that file, not from
 * an application.yml), the property keys its Java code names, and its {@code @KafkaListener}s.
 */
final class ServiceConfig {

    private static final Pattern ENV_PLACEHOLDER = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern PROPERTY_PLACEHOLDER = Pattern.compile("\\$\\{([a-z][a-z0-9.\\-]*)");

    /** A consumer group the service runs and the topics it reads (a listener's id is its group). */
    record Listener(String group, List<String> topics) {
    }

    private final String module;
    private final String propertiesText;
    private final Properties properties;
    private final Set<String> javaPropertyKeys;
    private final List<Listener> listeners;
    private final String pom;

    private ServiceConfig(String module, String propertiesText, List<String> javaSources, String pom) {
        this.module = module;
        this.propertiesText = propertiesText;
        this.properties = parse(propertiesText);
        this.pom = pom;
        this.javaPropertyKeys = new HashSet<>();
        this.listeners = new ArrayList<>();
        for (String source : javaSources) {
            PROPERTY_PLACEHOLDER.matcher(source).results().forEach(m -> javaPropertyKeys.add(m.group(1)));
            listeners.addAll(KafkaListenerAnnotations.in(source, this::withDefaults,
                    defaultValue("spring.kafka.consumer.group-id").orElse("")));
        }
    }

    static ServiceConfig of(String module, String propertiesText, List<String> javaSources, String pom) {
        return new ServiceConfig(module, propertiesText, javaSources, pom);
    }

    /** The module named {@code module} beside deploy/, if it has a defaults file. */
    static Optional<ServiceConfig> load(Path repo, String module) {
        Path moduleDir = repo.resolve(module);
        Path defaults = moduleDir.resolve("src/main/resources/" + module + ".properties");
        if (!Files.isRegularFile(defaults)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.walk(moduleDir.resolve("src/main/java"))) {
            List<String> sources = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
            return Optional.of(of(module, Files.readString(defaults), sources,
                    Files.readString(moduleDir.resolve("pom.xml"))));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    String module() {
        return module;
    }

    /** A property's value with every placeholder at its default: what the service runs with unset. */
    Optional<String> defaultValue(String key) {
        return valueWith(key, Map.of());
    }

    /**
     * A property's value as the service runs with these environment variables: a variable in Spring's
     * relaxed form of the key replaces the property, others fill the placeholders that name them.
     */
    Optional<String> valueWith(String key, Map<String, String> environment) {
        String bound = environment.get(environmentName(key));
        if (bound != null) {
            return Optional.of(bound);
        }
        String value = properties.getProperty(key);
        return value == null ? Optional.empty() : Optional.of(resolve(value, environment, 0));
    }

    /** Environment variables the defaults file names in a placeholder ({@code ${QBO_BASE_URL:...}}). */
    Set<String> environmentVariablesInPlaceholders() {
        Set<String> names = new HashSet<>();
        ENV_PLACEHOLDER.matcher(propertiesText).results().forEach(m -> names.add(m.group(1)));
        return names;
    }

    /** Whether Spring's relaxed binding maps this variable onto a property the service has or names. */
    boolean bindsFromEnvironment(String variable) {
        return Stream.concat(properties.stringPropertyNames().stream(), javaPropertyKeys.stream())
                .anyMatch(key -> environmentName(key).equals(variable));
    }

    /**
     * Keys that name a Kafka topic: {@code app.topics.*} and {@code *.topic}; partition counts and
     * subscription patterns ({@code *-pattern}) aside.
     */
    List<String> topicProperties() {
        return properties.stringPropertyNames().stream().sorted()
                .filter(key -> key.startsWith("app.topics.") || key.endsWith(".topic"))
                .filter(key -> !key.endsWith("-pattern"))
                .filter(key -> !defaultValue(key).orElse("").matches("[0-9]+")).toList();
    }

    boolean declaresDependency(String artifactId) {
        return pom.contains("<artifactId>" + artifactId + "</artifactId>");
    }

    List<Listener> listeners() {
        return List.copyOf(listeners);
    }

    /** Spring Boot's canonical environment form: dots to underscores, dashes dropped, upper case. */
    static String environmentName(String propertyKey) {
        return propertyKey.replace('.', '_').replace("-", "").toUpperCase(Locale.ROOT);
    }

    /** A text's placeholders at their defaults. */
    private String withDefaults(String text) {
        return resolve(text, Map.of(), 0);
    }

    private String resolve(String value, Map<String, String> environment, int depth) {
        int start = value.indexOf("${");
        if (start < 0 || depth > 10) {
            return value;
        }
        int end = closingBrace(value, start + 2);
        String inner = value.substring(start + 2, end);
        int colon = inner.indexOf(':');
        String name = colon < 0 ? inner : inner.substring(0, colon);
        String resolved;
        if (environment.containsKey(name)) {
            resolved = environment.get(name);
        }
        else if (properties.containsKey(name)) {
            resolved = valueWith(name, environment).orElse("");
        }
        else {
            resolved = colon < 0 ? "${" + name + "}" : resolve(inner.substring(colon + 1), environment, depth + 1);
        }
        return value.substring(0, start) + resolved + resolve(value.substring(end + 1), environment, depth + 1);
    }

    private static int closingBrace(String value, int from) {
        int depth = 1;
        for (int i = from; i < value.length(); i++) {
            if (value.startsWith("${", i)) {
                depth++;
                i++;
            }
            else if (value.charAt(i) == '}' && --depth == 0) {
                return i;
            }
        }
        throw new IllegalArgumentException("unclosed placeholder in " + value);
    }

    private static Properties parse(String text) {
        Properties properties = new Properties();
        try {
            properties.load(new StringReader(text));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return properties;
    }
}
