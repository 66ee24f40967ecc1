package com.cpsync.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API document a service serves (its OpenAPI JSON) against the copy checked in under {@code docs/}: they must
 * be equal, so a changed endpoint fails the build until the copy is regenerated and committed. Running the test
 * with {@code -D}{@value #REGENERATE_PROPERTY}{@code =true} writes the served document over the copy instead.
 */
public final class CheckedInApiDocument {

    public static final String REGENERATE_PROPERTY = "openapi.regenerate";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private CheckedInApiDocument() {
    }

    /**
     * Fetches {@code /v3/api-docs} from the service on {@code localhost:port} and compares it with
     * {@code docs/openapi/<module>.json} (the module's {@code OpenApiDocumentIT} runs in the module's directory).
     */
    public static void assertServesCheckedIn(int port, String module) {
        assertServedEqualsCheckedIn(fetch(URI.create("http://localhost:" + port + "/v3/api-docs")), module);
    }

    /** Compares a served document with {@code docs/openapi/<module>.json}. */
    public static void assertServedEqualsCheckedIn(String servedJson, String module) {
        assertServedEqualsCheckedIn(servedJson, Path.of("..", "docs", "openapi", module + ".json"),
                "./mvnw -B -pl " + module + " verify -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dit.test=OpenApiDocumentIT -D" + REGENERATE_PROPERTY + "=true");
    }

    /**
     * @param servedJson        what the service answered on its document path
     * @param checkedIn         the committed copy
     * @param regenerateCommand the command that rewrites the copy, shown when they differ
     */
    public static void assertServedEqualsCheckedIn(String servedJson, Path checkedIn, String regenerateCommand) {
        JsonNode served = JSON.readTree(servedJson);
        if (Boolean.getBoolean(REGENERATE_PROPERTY)) {
            write(checkedIn, JSON.writeValueAsString(served) + "\n");
            return;
        }
        if (!Files.isRegularFile(checkedIn)) {
            throw new AssertionError(checkedIn + " is missing: create it with " + regenerateCommand);
        }
        JsonNode committed = JSON.readTree(read(checkedIn));
        if (!committed.equals(served)) {
            throw new AssertionError(checkedIn.normalize() + " is not what the service serves (first difference at "
                    + firstDifference(committed, served, "") + "). If the API change is meant, regenerate the file with\n    "
                    + regenerateCommand + "\nand commit it; otherwise the change broke a published contract.");
        }
    }

    /** A JSON pointer to the first place where the two documents differ. */
    static String firstDifference(JsonNode expected, JsonNode actual, String pointer) {
        if (expected.isObject() && actual.isObject()) {
            for (String name : expected.propertyNames()) {
                if (!actual.has(name)) {
                    return pointer + "/" + name + " (only in the checked-in file)";
                }
                if (!expected.get(name).equals(actual.get(name))) {
                    return firstDifference(expected.get(name), actual.get(name), pointer + "/" + name);
                }
            }
            for (String name : actual.propertyNames()) {
                if (!expected.has(name)) {
                    return pointer + "/" + name + " (only in the served document)";
                }
            }
        }
        if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                if (!expected.get(i).equals(actual.get(i))) {
                    return firstDifference(expected.get(i), actual.get(i), pointer + "/" + i);
                }
            }
        }
        return (pointer.isEmpty() ? "/" : pointer) + ": checked in " + abbreviate(expected) + ", served " + abbreviate(actual);
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() <= 120 ? text : text.substring(0, 117) + "...";
    }

    private static String fetch(URI uri) {
        // the first document is built on demand: give a busy build machine time
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(60)).GET().build();
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("GET " + uri + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
