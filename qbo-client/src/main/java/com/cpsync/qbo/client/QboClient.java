package com.cpsync.qbo.client;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

import com.cpsync.qbo.client.names.DisplayNames;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Blocking client for the QBO Accounting API v3 ({@code {baseUrl}/v3/company/{realmId}/...}).
 * Every call sends {@code minorversion=75}, takes from the realm's {@link RealmBudget} first, and ends in the
 * entity JSON or a {@link QboFaultException} (or {@link RealmBusyException} when no request was sent).
 * Entity names are QBO's ("Customer", "Invoice"). Thread-safe; share one instance.
 */
public final class QboClient {

    public static final String MINOR_VERSION = "75";
    static final int MAX_REQUEST_ID = 50;
    static final int MAX_BATCH_REQUEST_ID = 36;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final DateTimeFormatter CHANGED_SINCE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

    private static final List<DateTimeFormatter> RESPONSE_TIME_FORMATS = List.of(
            DateTimeFormatter.ISO_OFFSET_DATE_TIME, DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss[.SSS]xx"));

    private final String baseUrl;
    private final JsonMapper json;
    private final QboTransport transport;

    private QboClient(Builder builder) {
        this.baseUrl = builder.baseUrl.toString().replaceAll("/+$", "");
        this.json = JsonMapper.builder().build();
        // HTTP/1.1: avoids the JDK's cleartext h2c upgrade against local stand-ins
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT).build();
        http = builder.httpClientDecorator.apply(http);
        this.transport = new QboTransport(http, json, builder.budget, CallPriority.LIVE, builder.listener,
                builder.requestTimeout);
    }

    private QboClient(QboClient client, CallPriority priority) {
        this.baseUrl = client.baseUrl;
        this.json = client.json;
        this.transport = client.transport.at(priority);
    }

    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl);
    }

    /**
     * This client's calls at another priority within the realm's budget (same connection, budget and listener);
     * calls are {@link CallPriority#LIVE} unless made through such a view.
     */
    public QboClient at(CallPriority priority) {
        return new QboClient(this, Objects.requireNonNull(priority, "priority"));
    }

    /** POST a new entity, idempotent per {@code requestId} (≤ 50 chars, stable across retries). */
    public JsonNode create(QboCredentials credentials, String entity, JsonNode body, String requestId) {
        return entityOf(transport.post(credentials, "create", false,
                uri(credentials, entity, "requestid", requestId(requestId, MAX_REQUEST_ID)), body), entity);
    }

    /** Sparse update: POST {@code body} (must hold Id and SyncToken) with {@code "sparse": true} added. */
    public JsonNode update(QboCredentials credentials, String entity, ObjectNode body, String requestId) {
        ObjectNode sparse = body.deepCopy();
        sparse.put("sparse", true);
        return entityOf(transport.post(credentials, "update", false,
                uri(credentials, entity, "requestid", requestId(requestId, MAX_REQUEST_ID)), sparse), entity);
    }

    /** GET one entity by Id (a metered read). 610 (not found) is a {@link QboFaultException}. */
    public JsonNode read(QboCredentials credentials, String entity, String id) {
        return entityOf(transport.get(credentials, "read", uri(credentials, entity + "/" + pathSegment(id))), entity);
    }

    /**
     * Run a QBO query (build it with {@link QboQuery}); the matching entities, empty when nothing matched.
     * A query carrying a character QBO's lexer refuses is not sent (it would only cost a metered 4000).
     */
    public List<JsonNode> query(QboCredentials credentials, String query) {
        checkQuery(query);
        return entitiesOf(QboFaultParser.property(
                transport.get(credentials, "query", uri(credentials, "query", "query", query)), "QueryResponse"));
    }

    /** Refuses a query carrying a character QBO's lexer refuses (IllegalArgumentException). */
    static void checkQuery(String query) {
        if (!DisplayNames.literalAccepts(query)) {
            throw new IllegalArgumentException("QBO's query lexer refuses typographic quotes; build the query with"
                    + " QboQuery, which asks for such a value with LIKE");
        }
    }

    /** The entities of a {@code QueryResponse}: its arrays, flattened. */
    static List<JsonNode> entitiesOf(JsonNode response) {
        List<JsonNode> entities = new ArrayList<>();
        if (response != null && response.isObject()) {
            for (Map.Entry<String, JsonNode> property : response.properties()) {
                if (property.getValue().isArray()) {
                    property.getValue().forEach(entities::add);
                }
            }
        }
        return entities;
    }

    /** Delete a transaction ({@code ?operation=delete}); returns {@code {"status":"Deleted","Id":...}}. */
    public JsonNode delete(QboCredentials credentials, String entity, String id, String syncToken, String requestId) {
        return entityOf(transport.post(credentials, "delete", false, uri(credentials, entity, "operation", "delete",
                "requestid", requestId(requestId, MAX_REQUEST_ID)), idAndToken(id, syncToken)), entity);
    }

    /** Void an invoice ({@code ?operation=void}); returns the voided invoice. */
    public JsonNode voidInvoice(QboCredentials credentials, String id, String syncToken, String requestId) {
        return entityOf(transport.post(credentials, "void", false, uri(credentials, "Invoice", "operation", "void",
                "requestid", requestId(requestId, MAX_REQUEST_ID)), idAndToken(id, syncToken)), "Invoice");
    }

    /** Change Data Capture: every entity of the given types changed since then (at most 30 days back). */
    public CdcResult cdc(QboCredentials credentials, Collection<String> entities, Instant changedSince) {
        JsonNode root = transport.get(credentials, "cdc", uri(credentials, "cdc",
                "entities", String.join(",", entities), "changedSince", CHANGED_SINCE.format(changedSince)));
        Map<String, List<JsonNode>> changed = new LinkedHashMap<>();
        JsonNode cdcResponses = QboFaultParser.property(root, "CDCResponse");
        for (JsonNode cdcResponse : iterable(cdcResponses)) {
            for (JsonNode queryResponse : iterable(QboFaultParser.property(cdcResponse, "QueryResponse"))) {
                for (Map.Entry<String, JsonNode> property : queryResponse.properties()) {
                    if (property.getValue().isArray()) {
                        List<JsonNode> list = changed.computeIfAbsent(property.getKey(), key -> new ArrayList<>());
                        property.getValue().forEach(list::add);
                    }
                }
            }
        }
        return new CdcResult(time(root), changed);
    }

    /**
     * POST up to 30 batch items ({@code {"bId", "operation", "<Entity>": {...}}} or {@code {"bId", "Query"}});
     * returns the {@code BatchItemResponse} items, in no guaranteed order. Success is per item:
     * see {@link QboFaultException#inBatchItem}. {@code requestId} ≤ 36 chars.
     */
    public List<JsonNode> batch(QboCredentials credentials, List<? extends JsonNode> items, String requestId) {
        ObjectNode body = json.createObjectNode();
        ArrayNode array = body.putArray("BatchItemRequest");
        items.forEach(array::add);
        JsonNode root = transport.post(credentials, "batch", true,
                uri(credentials, "batch", "requestid", requestId(requestId, MAX_BATCH_REQUEST_ID)), body);
        List<JsonNode> responses = new ArrayList<>();
        iterable(QboFaultParser.property(root, "BatchItemResponse")).forEach(responses::add);
        return responses;
    }

    private ObjectNode idAndToken(String id, String syncToken) {
        ObjectNode body = json.createObjectNode();
        body.put("Id", Objects.requireNonNull(id, "id"));
        body.put("SyncToken", Objects.requireNonNull(syncToken, "syncToken"));
        return body;
    }

    private URI uri(QboCredentials credentials, String resource, String... params) {
        StringBuilder uri = new StringBuilder(baseUrl).append("/v3/company/").append(credentials.realmId())
                .append('/').append(resource.toLowerCase(Locale.ROOT)).append('?');
        for (int i = 0; i < params.length; i += 2) {
            uri.append(params[i]).append('=').append(encode(params[i + 1])).append('&');
        }
        return URI.create(uri.append("minorversion=").append(MINOR_VERSION).toString());
    }

    static JsonNode entityOf(JsonNode root, String entity) {
        JsonNode node = QboFaultParser.property(root, entity);
        if (node == null || !node.isObject()) {
            throw new QboFaultException(200, null, "QBO response has no " + entity + " object", null, null, null, null);
        }
        return node;
    }

    static String requestId(String requestId, int max) {
        if (requestId == null || requestId.isBlank() || requestId.length() > max) {
            throw new IllegalArgumentException("QBO requestid must be 1.." + max + " characters: " + requestId);
        }
        return requestId;
    }

    private static String pathSegment(String id) {
        if (id == null || !id.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("Invalid QBO entity id: " + id);
        }
        return id;
    }

    private static String encode(String value) {
        // %20 rather than '+': QBO and its query parser read the query string strictly
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Instant time(JsonNode root) {
        JsonNode time = QboFaultParser.property(root, "time");
        if (time == null || !time.isString()) {
            return null;
        }
        for (DateTimeFormatter format : RESPONSE_TIME_FORMATS) {
            try {
                return format.parse(time.asString(), Instant::from);
            }
            catch (DateTimeParseException tryNext) {
                // QBO writes offsets with and without a colon
            }
        }
        return null;
    }

    private static Iterable<JsonNode> iterable(JsonNode node) {
        return node != null && node.isArray() ? node : List.of();
    }

    /** Configuration; only the base URL is required. */
    public static final class Builder {

        private final URI baseUrl;
        private RealmBudget budget = new RealmRateLimiter(RealmLimits.qboDefaults());
        private QboCallListener listener = QboCallListener.NONE;
        private Duration requestTimeout = Duration.ofSeconds(30);
        private UnaryOperator<HttpClient> httpClientDecorator = UnaryOperator.identity();

        private Builder(URI baseUrl) {
            this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        }

        /** Share one limiter per JVM so every caller of a realm draws from the same budget. */
        public Builder limiter(RealmRateLimiter limiter) {
            return budget(limiter);
        }

        /** The realm budget every call is taken from; default: an in-JVM {@link RealmRateLimiter} at QBO's limits. */
        public Builder budget(RealmBudget budget) {
            this.budget = Objects.requireNonNull(budget);
            return this;
        }

        public Builder listener(QboCallListener listener) {
            this.listener = Objects.requireNonNull(listener);
            return this;
        }

        /** Per-request timeout (QBO itself times out at 120 s); default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = Objects.requireNonNull(timeout);
            return this;
        }

        /**
         * Wraps the JDK client the calls go through, e.g. in Micrometer's {@code MicrometerHttpClient} so that
         * each call is observed (a client span whose context travels in the {@code traceparent} header).
         */
        public Builder httpClientDecorator(UnaryOperator<HttpClient> decorator) {
            this.httpClientDecorator = Objects.requireNonNull(decorator);
            return this;
        }

        public QboClient build() {
            return new QboClient(this);
        }
    }
}
