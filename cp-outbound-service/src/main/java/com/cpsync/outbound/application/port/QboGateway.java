package com.cpsync.outbound.application.port;

import java.util.ArrayList;
import java.util.List;

import com.cpsync.outbound.domain.invoices.InvoiceInQbo;
import com.cpsync.outbound.domain.qbo.QboName;

/**
 * QBO Accounting API calls for one realm, rate-limited and circuit-broken per realm by the adapter,
 * which also builds and reads the JSON. Throws {@link QboUnauthorized} on 401, {@link QboRefused} on a
 * permanent or stale-object fault, and {@link TenantMustWait} when QBO (or the local limiter) says "later".
 */
public interface QboGateway {

    /**
     * Every record of a name list ({@code Customer}, {@code Vendor}, {@code Employee}), active or not,
     * whose DisplayName is like the name: any case or spacing, longer names too, and names with characters
     * QBO's query lexer refuses (qbo-client's {@code QboQuery.nameListLike}). A metered read; filter the hits.
     */
    List<QboName> findNamesLike(String realmId, String accessToken, String entity, String name);

    /**
     * {@link #findNamesLike} in each of the name lists, one metered read each; an adapter may send them at
     * once (they do not depend on each other), so a lookup costs one round trip, not one per list.
     */
    default List<QboName> findNamesLikeInEach(String realmId, String accessToken, List<String> entities,
            String name) {
        List<QboName> found = new ArrayList<>();
        for (String entity : entities) {
            found.addAll(findNamesLike(realmId, accessToken, entity, name));
        }
        return found;
    }

    /**
     * The invoices whose DocNumber is the given one (a LIKE lookup when the number carries a character
     * QBO's lexer refuses, so filter the hits). A metered read.
     */
    List<InvoiceInQbo> findInvoices(String realmId, String accessToken, String docNumber);

    /** Creates; the answer is the created object's version (never read after a write). */
    Version create(String realmId, String accessToken, QboWrite write, String requestId);

    /** Sparse update; the answer carries the new SyncToken. */
    Version update(String realmId, String accessToken, QboWrite write);

    Version read(String realmId, String accessToken, String entity, String id);

    /** A QBO object's id and SyncToken: all a write needs to know of what it wrote or read. */
    record Version(String id, String syncToken) {
    }

    /** QBO refused the request for good (validation, business rule), or 5010 stale object. */
    class QboRefused extends RuntimeException {
        private final String code;

        public QboRefused(String code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        /** QBO's error code without leading zeros, or null. */
        public String code() {
            return code;
        }

        /** 5010: the SyncToken sent is not the record's current one. */
        public boolean staleObject() {
            return "5010".equals(code);
        }

        /** 6240: the name is taken in the name space Customer, Vendor and Employee share. */
        public boolean duplicateName() {
            return "6240".equals(code);
        }
    }

    /** 401: the access token was rejected. */
    class QboUnauthorized extends RuntimeException {
        public QboUnauthorized(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
