package com.cpsync.deploy.k8s;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.cpsync.deploy.k8s.ServiceConfig.Listener;

/**
 * The {@code @KafkaListener}s of one Java source, read as text: each one's group (its {@code groupId}, else
 * its {@code id}, which spring-kafka uses as the group, else the configured group) and its topics.
 */
final class KafkaListenerAnnotations {

    private static final Pattern LISTENER = Pattern.compile("@KafkaListener\\(((?:\"[^\"]*\"|[^)\"])*)\\)");
    private static final Pattern ATTRIBUTE =
            Pattern.compile("(\\w+)\\s*=\\s*(\\{(?:\"[^\"]*\"|[^}\"])*\\}|\"[^\"]*\"|[\\w.]+)");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern CONSTANT = Pattern.compile("static final String (\\w+) = \"([^\"]*)\";");

    private KafkaListenerAnnotations() {
    }

    static List<Listener> in(String source, UnaryOperator<String> placeholders, String configuredGroup) {
        Map<String, String> constants = new HashMap<>();
        CONSTANT.matcher(source).results().forEach(m -> constants.put(m.group(1), m.group(2)));
        List<Listener> found = new ArrayList<>();
        Matcher listener = LISTENER.matcher(source);
        while (listener.find()) {
            Map<String, String> attributes = new HashMap<>();
            ATTRIBUTE.matcher(listener.group(1)).results().forEach(m -> attributes.put(m.group(1), m.group(2)));
            List<String> topics = values(attributes.get("topics"), constants, placeholders);
            found.add(new Listener(group(attributes, constants, placeholders, configuredGroup), topics));
        }
        return found;
    }

    private static String group(Map<String, String> attributes, Map<String, String> constants,
            UnaryOperator<String> placeholders, String configuredGroup) {
        if (attributes.containsKey("groupId")) {
            return values(attributes.get("groupId"), constants, placeholders).get(0);
        }
        if (attributes.containsKey("id") && !"false".equals(attributes.get("idIsGroup"))) {
            return values(attributes.get("id"), constants, placeholders).get(0);
        }
        return configuredGroup;
    }

    /** String literals (placeholders resolved) or constants of the same file; anything else is left unresolved. */
    private static List<String> values(String expression, Map<String, String> constants,
            UnaryOperator<String> placeholders) {
        if (expression == null) {
            return List.of();
        }
        if (expression.startsWith("{") || expression.startsWith("\"")) {
            return QUOTED.matcher(expression).results().map(m -> placeholders.apply(m.group(1))).toList();
        }
        return List.of(constants.getOrDefault(expression, "?" + expression));
    }
}
