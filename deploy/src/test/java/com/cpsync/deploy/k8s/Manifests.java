package com.cpsync.deploy.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The documents of every manifest under deploy/k8s, and which of them {@code kubectl apply -k} applies
 * (the files kustomization.yaml lists). Documents are SnakeYAML's plain maps and lists, mutable so that a
 * test can break one on purpose.
 */
final class Manifests {

    private final List<Document> documents;
    private final List<String> appliedFiles;

    Manifests(List<Document> documents, List<String> appliedFiles) {
        this.documents = documents;
        this.appliedFiles = appliedFiles;
    }

    /** One YAML document and the file it came from. */
    record Document(String file, Map<String, Object> yaml) {

        String kind() {
            return Yamls.string(yaml, "kind").orElse("");
        }

        String name() {
            return Yamls.string(yaml, "metadata", "name").orElse("");
        }

        @Override
        public String toString() {
            return kind() + " " + name() + " (" + file + ")";
        }
    }

    static Manifests load(Path directory) {
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList()) {
                for (Object yaml : yaml().loadAll(Files.readString(file))) {
                    if (yaml != null) {
                        documents.add(new Document(file.getFileName().toString(), Yamls.map(yaml)));
                    }
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        Document kustomization = documents.stream().filter(d -> d.kind().equals("Kustomization")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no kustomization.yaml in " + directory));
        List<String> applied = Yamls.list(kustomization.yaml(), "resources").stream().map(String::valueOf).toList();
        return new Manifests(documents, applied);
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    List<Document> all(String kind) {
        return documents.stream().filter(d -> d.kind().equals(kind)).toList();
    }

    /** The documents of {@code kind} that the kustomization applies. */
    List<Document> applied(String kind) {
        return all(kind).stream().filter(d -> appliedFiles.contains(d.file())).toList();
    }

    Optional<Document> applied(String kind, String name) {
        return applied(kind).stream().filter(d -> d.name().equals(name)).findFirst();
    }

    List<String> appliedFiles() {
        return appliedFiles;
    }

    /** The one document of this kind and name; a test breaks it in place. */
    Map<String, Object> edit(String kind, String name) {
        return all(kind).stream().filter(d -> d.name().equals(name)).map(Document::yaml).filter(Objects::nonNull)
                .findFirst().orElseThrow(() -> new IllegalArgumentException("no " + kind + " " + name));
    }
}
