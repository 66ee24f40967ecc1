package com.cpsync.deploy.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for the stack's public APIs. */
public final class JsonHttp {

    /** The status and parsed body (a missing node when the body is empty or not JSON). */
    public record Answer(int status, JsonNode body, String text) {

        public boolean isSuccess() {
            return status >= 200 && status < 300;
        }

        public Answer expectSuccess(String what) {
            if (!isSuccess()) {
                throw new ExpectationNotMetException(what + " answered " + status + ": " + text);
            }
            return this;
        }
    }

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final JsonMapper mapper = JsonMapper.builder().build();

    public Answer get(String url) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    public Answer get(String url, String bearerToken) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearerToken).GET());
    }

    /** With an {@code Authorization} header of any scheme, e.g. HTTP Basic for the ops console. */
    public Answer getAuthorized(String url, String authorization) {
        return exchange(HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).GET());
    }

    public Answer postAuthorized(String url, Object body, String authorization) {
        return send(HttpRequest.newBuilder(URI.create(url)), "POST", body, authorization);
    }

    public Answer put(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)), "PUT", body, null);
    }

    public Answer post(String url, Object body) {
        return send(HttpRequest.newBuilder(URI.create(url)), "POST", body, null);
    }

    public Answer post(String url, Object body, String bearerToken) {
        return send(HttpRequest.newBuilder(URI.create(url)), "POST", body, "Bearer " + bearerToken);
    }

    private Answer send(HttpRequest.Builder request, String method, Object body, String authorization) {
        String json = body == null ? "" : mapper.writeValueAsString(body);
        request.header("Content-Type", "application/json").header("Accept", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(json));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return exchange(request);
    }

    private Answer exchange(HttpRequest.Builder request) {
        HttpRequest built = request.timeout(TIMEOUT).build();
        try {
            HttpResponse<String> response = http.send(built, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), parse(response.body()), response.body());
        }
        catch (IOException ex) {
            throw new ExpectationNotMetException(built.method() + " " + built.uri() + " failed: " + ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ExpectationNotMetException(built.method() + " " + built.uri() + " was interrupted");
        }
    }

    private JsonNode parse(String text) {
        if (text == null || text.isBlank()) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(text);
        }
        catch (RuntimeException ex) {
            return mapper.missingNode();
        }
    }
}
