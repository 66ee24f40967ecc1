package com.cpsync.testsupport.apps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** JSON over the JDK's HTTP client, following redirects (an OAuth flow is a chain of them). */
final class JsonHttp {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.ALWAYS)
            .connectTimeout(TIMEOUT).build();
    /** For the hops of an OAuth flow, each its own request: a credential meant for one hop is not sent to the next. */
    private final HttpClient noRedirects = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(TIMEOUT).build();
    private final JsonMapper json = JsonMapper.builder().build();

    record Reply(int status, JsonNode body) {
        boolean ok() {
            return status < 300;
        }
    }

    /** The answer of a call that must succeed (an empty body is an empty object). */
    JsonNode send(String method, String url, String body, String authorization) {
        Reply reply = call(method, url, body, authorization);
        if (!reply.ok()) {
            throw new IllegalStateException(method + " " + url + " → " + reply.status() + " " + reply.body());
        }
        return reply.body();
    }

    Reply call(String method, String url, String body, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/json").header("Accept", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), parse(response.body()));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** Where a GET that must answer with a redirect sends the caller (its {@code Location}, resolved). */
    String redirectOf(String url, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        try {
            HttpResponse<String> response = noRedirects.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String location = response.headers().firstValue("Location").orElse(null);
            if (response.statusCode() / 100 != 3 || location == null) {
                throw new IllegalStateException("GET " + url + " → " + response.statusCode() + " " + response.body()
                        + " (expected a redirect)");
            }
            return URI.create(url).resolve(location).toString();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(ex);
        }
    }

    /** An error page need not be JSON: then its text. */
    private JsonNode parse(String text) {
        if (text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        }
        catch (JacksonException notJson) {
            return json.getNodeFactory().textNode(text);
        }
    }

    /** A request body: JSON text as it is, null as none, anything else written as JSON. */
    String body(Object value) {
        return value == null || value instanceof String ? (String) value : json.writeValueAsString(value);
    }
}
