package com.cpsync.outbound.application.port;

import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * QBO Accounting API calls for one realm, rate-limited and circuit-broken per realm by the adapter.
 * Throws {@link QboUnauthorized} on 401, {@link QboRefused} on a permanent or stale-object fault, and
 * {@code TenantMustWait} when QBO (or the local limiter) says "later".
 */
public interface QboGateway {

    /** Entities of a {@code SELECT * FROM <entity> …} query (one entity per query, QBO syntax). */
    List<JsonNode> query(String realmId, String accessToken, String entity, String query);

    /**
     * Every record of a name list ({@code Customer}, {@code Vendor}, {@code Employee}), active or not,
     * whose DisplayName is LIKE the pattern (QBO's LIKE is case-insensitive; the adapter quotes it).
     */
    List<JsonNode> findNamesLike(String realmId, String accessToken, String entity, String likePattern);

    /** Creates; the answer is the created object (never read after a write). */
    JsonNode create(String realmId, String accessToken, String entity, ObjectNode body, String requestId);

    /** Sparse update; the answer is the updated object with its new SyncToken. */
    JsonNode update(String realmId, String accessToken, String entity, ObjectNode body);

    JsonNode read(String realmId, String accessToken, String entity, String id);

    /** QBO refused the request for good (validation, business rule), or 5010 stale object. */
    class QboRefused extends RuntimeException {
        private final String code;
        private final boolean staleObject;
        private final boolean duplicateName;

        public QboRefused(String code, String message, boolean staleObject, Throwable cause) {
            this(code, message, staleObject, false, cause);
        }

        public QboRefused(String code, String message, boolean staleObject, boolean duplicateName, Throwable cause) {
            super(message, cause);
            this.code = code;
            this.staleObject = staleObject;
            this.duplicateName = duplicateName;
        }

        public String code() {
            return code;
        }

        public boolean staleObject() {
            return staleObject;
        }

        /** 6240: the name is taken in the name space Customer, Vendor and Employee share. */
        public boolean duplicateName() {
            return duplicateName;
        }
    }

    /** 401: the access token was rejected. */
    class QboUnauthorized extends RuntimeException {
        public QboUnauthorized(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
