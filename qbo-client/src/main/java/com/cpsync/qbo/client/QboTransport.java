package com.cpsync.qbo.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends one request within the realm's budget, at the caller's priority, and turns the response into JSON or a
 * {@link QboFaultException}; a throttled answer is told to the budget.
 */
record QboTransport(HttpClient http, JsonMapper json, RealmBudget budget, CallPriority priority,
        QboCallListener listener, Duration requestTimeout) {

    QboTransport at(CallPriority newPriority) {
        return new QboTransport(http, json, budget, newPriority, listener, requestTimeout);
    }

    private static final Logger log = LoggerFactory.getLogger(QboClient.class);

    JsonNode get(QboCredentials credentials, String operation, URI uri) {
        return send(credentials, operation, false, request(credentials, uri).GET().build());
    }

    JsonNode post(QboCredentials credentials, String operation, boolean batch, URI uri, JsonNode body) {
        HttpRequest request = request(credentials, uri)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                .build();
        return send(credentials, operation, batch, request);
    }

    private HttpRequest.Builder request(QboCredentials credentials, URI uri) {
        return HttpRequest.newBuilder(uri)
                .timeout(requestTimeout)
                .header("Authorization", "Bearer " + credentials.accessToken())
                .header("Accept", "application/json");
    }

    private JsonNode send(QboCredentials credentials, String operation, boolean batch, HttpRequest request) {
        String realmId = credentials.realmId();
        try (RealmBudget.Permit permit = budget.acquire(realmId, priority, batch)) {
            long started = System.nanoTime();
            int status = 0;
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                status = response.statusCode();
                log.debug("QBO {} realm={} status={} intuit_tid={}", operation, realmId, status,
                        response.headers().firstValue("intuit_tid").orElse("-"));
                return interpret(response);
            }
            catch (QboFaultException fault) {
                if (fault.isThrottled()) {
                    budget.onThrottled(realmId);
                }
                throw fault;
            }
            catch (IOException ex) {
                log.debug("QBO {} realm={} failed without a response: {}", operation, realmId, ex.toString());
                throw QboFaultException.ioFailure("QBO " + operation + " for realm " + realmId + " failed", ex);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                throw QboFaultException.ioFailure("QBO " + operation + " for realm " + realmId + " interrupted", ex);
            }
            finally {
                listener.onCall(realmId, operation, status, System.nanoTime() - started);
            }
        }
    }

    private JsonNode interpret(HttpResponse<String> response) {
        int status = response.statusCode();
        String body = response.body() == null ? "" : response.body().strip();
        Duration retryAfter = retryAfter(response);
        boolean ok = status >= 200 && status < 300;
        if (body.startsWith("<")) {
            // QBO has answered throttling in XML even when JSON was asked for
            throw QboFaultParser.fromXml(status, body, retryAfter);
        }
        JsonNode root;
        try {
            root = body.isEmpty() ? null : json.readTree(body);
        }
        catch (JacksonException ex) {
            throw QboFaultParser.fromUnreadable(status, body, retryAfter);
        }
        if (root != null) {
            JsonNode fault = QboFaultParser.faultNode(root).orElse(null);
            if (fault != null) {
                throw QboFaultParser.fromJsonFault(status, fault, retryAfter);
            }
        }
        if (!ok || root == null || !root.isObject()) {
            throw QboFaultParser.fromUnreadable(status, body, retryAfter);
        }
        return root;
    }

    private static Duration retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").map(QboTransport::parseRetryAfter).orElse(null);
    }

    private static Duration parseRetryAfter(String value) {
        try {
            return Duration.ofSeconds(Long.parseLong(value.trim()));
        }
        catch (NumberFormatException notSeconds) {
            try {
                Duration until = Duration.between(ZonedDateTime.now(),
                        ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME));
                return until.isNegative() ? Duration.ZERO : until;
            }
            catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
