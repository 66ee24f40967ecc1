package com.cpsync.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every relative link in every Markdown file of the repository leads to a file (and heading) that
 * exists in a clone: a newcomer following the docs never meets a dead link (issue 7, point 6).
 */
class DocumentationLinksTest {

    private static final Path REPO = Path.of("").toAbsolutePath().getParent();
    private static final Set<String> NOT_DOCS = Set.of("target", ".git", ".m2", ".run-local", "node_modules");
    private static final Pattern INLINE_LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern REFERENCE_LINK = Pattern.compile("(?m)^\\s*\\[[^\\]]+\\]:\\s*(\\S+)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6}\\s+(.+?)\\s*#*\\s*$");

    @Test
    void shouldLinkOnlyToFilesAndHeadingsThatExistInAClone() throws IOException {
        List<Path> documents = markdownFiles();
        List<String> broken = new ArrayList<>();
        for (Path document : documents) {
            for (String target : links(Files.readString(document))) {
                problem(document, target).ifPresent(problem -> broken.add(REPO.relativize(document) + ": " + problem));
            }
        }

        assertThat(documents).hasSizeGreaterThan(8);
        assertThat(broken).as("links to nowhere").isEmpty();
    }

    @Test
    void shouldFindLinksOutsideCodeAndNameHeadingsAsGitHubDoes() {
        String markdown = """
                # Tenant isolation (issue 3, point 7)
                See [the design](docs/design.md#3-topics) and [site](https://example.org), ref [x].
                `[not](a-link.md)`
                ```
                [also not](code.md)
                ```
                [x]: deploy/README.md
                """;

        assertThat(links(markdown)).containsExactly("docs/design.md#3-topics", "https://example.org", "deploy/README.md");
        assertThat(anchors(markdown)).contains("tenant-isolation-issue-3-point-7");
        assertThat(slug("Health, metrics & `/actuator/health`")).isEqualTo("health-metrics--actuatorhealth");
    }

    private static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> paths = Files.walk(REPO)) {
            return paths.filter(path -> path.toString().endsWith(".md")).filter(DocumentationLinksTest::isPartOfAClone)
                    .sorted().toList();
        }
    }

    private static boolean isPartOfAClone(Path path) {
        for (Path name : REPO.relativize(path)) {
            if (NOT_DOCS.contains(name.toString())) {
                return false;
            }
        }
        return true;
    }

    private static Optional<String> problem(Path document, String target) throws IOException {
        if (target.matches("^[a-zA-Z][a-zA-Z+.-]*:.*")) {
            return Optional.empty();
        }
        int hash = target.indexOf('#');
        String file = hash < 0 ? target : target.substring(0, hash);
        String anchor = hash < 0 ? null : target.substring(hash + 1);
        Path resolved = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
        if (!resolved.startsWith(REPO) || !Files.exists(resolved)) {
            return Optional.of(target + " (no such file)");
        }
        if (anchor != null && resolved.toString().endsWith(".md") && !anchors(Files.readString(resolved)).contains(anchor)) {
            return Optional.of(target + " (no such heading in " + REPO.relativize(resolved) + ")");
        }
        return Optional.empty();
    }

    static List<String> links(String markdown) {
        String prose = withoutCode(markdown);
        List<String> targets = new ArrayList<>();
        Matcher inline = INLINE_LINK.matcher(prose);
        while (inline.find()) {
            targets.add(inline.group(1).replaceAll("^<|>$", ""));
        }
        Matcher reference = REFERENCE_LINK.matcher(prose);
        while (reference.find()) {
            targets.add(reference.group(1));
        }
        return targets;
    }

    /** The anchors GitHub gives the headings, duplicates numbered {@code -1}, {@code -2}. */
    static Set<String> anchors(String markdown) {
        Set<String> anchors = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        Matcher heading = HEADING.matcher(withoutFencedCode(markdown));
        while (heading.find()) {
            String slug = slug(heading.group(1));
            int count = seen.merge(slug, 1, Integer::sum);
            anchors.add(count == 1 ? slug : slug + "-" + (count - 1));
        }
        return anchors;
    }

    static String slug(String heading) {
        String text = heading.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1").toLowerCase(Locale.ROOT);
        return text.replaceAll("[^\\p{L}\\p{N}\\s_-]", "").replace(' ', '-');
    }

    private static String withoutCode(String markdown) {
        return withoutFencedCode(markdown).replaceAll("`[^`\\n]*`", "");
    }

    private static String withoutFencedCode(String markdown) {
        return markdown.replaceAll("(?ms)^\\s*```.*?^\\s*```\\s*$", "");
    }
}
