package com.cpsync.console.adapter.out.qbo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;

import com.cpsync.console.application.port.QboBooks;
import com.cpsync.console.domain.reconciliation.QboRecord;
import com.cpsync.console.domain.reconciliation.QboRecord.QboType;
import com.cpsync.qbo.client.CallPriority;
import com.cpsync.qbo.client.QboClient;
import com.cpsync.qbo.client.QboCredentials;
import com.cpsync.qbo.client.RealmBusyException;
import com.cpsync.syncsupport.mapping.AccessGrant;
import com.cpsync.syncsupport.token.AccessTokenSource;

/**
 * QBO's side of the books in three paged queries (docs/reconciliation.md: metered reads = one a page of
 * {@value #PAGE} per entity, plus the last, shorter page), at {@link CallPriority#BACKLOG} within the realm's
 * budget: a read waits while live work needs the realm's tokens, up to {@code patience}.
 */
public class QboBooksReader implements QboBooks {

    static final int PAGE = 1000;
    private static final Map<QboType, String> QUERIES = queries();
    private static final Duration BUSY_BACKOFF = Duration.ofMillis(500);

    private final QboClient qbo;
    private final AccessTokenSource tokens;
    private final Duration patience;

    public QboBooksReader(QboClient qbo, AccessTokenSource tokens, Duration patience) {
        this.qbo = qbo.at(CallPriority.BACKLOG);
        this.tokens = tokens;
        this.patience = patience;
    }

    @Override
    public Read read(String tenantId) {
        AccessGrant grant = tokens.accessToken(tenantId, null);
        QboCredentials credentials = new QboCredentials(grant.realmId(), grant.accessToken());
        List<QboRecord> records = new ArrayList<>();
        int reads = 0;
        for (Map.Entry<QboType, String> query : QUERIES.entrySet()) {
            for (int start = 1; ; start += PAGE) {
                List<JsonNode> page = patiently(credentials, query.getValue() + " startposition " + start
                        + " maxresults " + PAGE);
                reads++;
                page.forEach(entity -> records.add(toRecord(query.getKey(), entity)));
                if (page.size() < PAGE) {
                    break;
                }
            }
        }
        return new Read(grant.realmId(), records, reads);
    }

    /** A realm without a BACKLOG token now is busy with live work: wait for it, within the patience. */
    private List<JsonNode> patiently(QboCredentials credentials, String query) {
        Instant giveUp = Instant.now().plus(patience);
        while (true) {
            try {
                return qbo.query(credentials, query);
            }
            catch (RealmBusyException busy) {
                if (Instant.now().isAfter(giveUp)) {
                    throw busy;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(BUSY_BACKOFF.toMillis());
        }
        catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the realm was busy", interrupted);
        }
    }

    private static Map<QboType, String> queries() {
        Map<QboType, String> queries = new EnumMap<>(QboType.class);
        queries.put(QboType.Customer, "select * from Customer where Active IN (true,false)");
        queries.put(QboType.Invoice, "select * from Invoice");
        queries.put(QboType.Payment, "select * from Payment");
        return queries;
    }

    static QboRecord toRecord(QboType type, JsonNode entity) {
        boolean voided = text(entity, "PrivateNote") != null && text(entity, "PrivateNote").startsWith("Voided");
        String parent = type == QboType.Customer ? ref(entity, "ParentRef") : ref(entity, "CustomerRef");
        return new QboRecord(type, text(entity, "Id"), text(entity, "DisplayName"), parent, text(entity, "DocNumber"),
                date(text(entity, "TxnDate")), money(text(entity, "TotalAmt")),
                !entity.has("Active") || entity.get("Active").asBoolean(), voided,
                type == QboType.Payment ? appliedInvoices(entity) : Set.of(), lastUpdated(entity), entity.toString());
    }

    private static Set<String> appliedInvoices(JsonNode payment) {
        Set<String> invoices = new LinkedHashSet<>();
        JsonNode lines = payment.get("Line");
        if (lines != null) {
            for (JsonNode line : lines) {
                JsonNode linked = line.get("LinkedTxn");
                if (linked != null) {
                    linked.forEach(txn -> {
                        if ("Invoice".equals(text(txn, "TxnType"))) {
                            invoices.add(text(txn, "TxnId"));
                        }
                    });
                }
            }
        }
        return invoices;
    }

    private static Instant lastUpdated(JsonNode entity) {
        JsonNode meta = entity.get("MetaData");
        String at = meta == null ? null : text(meta, "LastUpdatedTime");
        return at == null ? null : OffsetDateTime.parse(at).toInstant();
    }

    private static String ref(JsonNode entity, String field) {
        JsonNode ref = entity.get(field);
        return ref == null || ref.isNull() ? null : text(ref, "value");
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }

    private static BigDecimal money(String value) {
        return value == null ? null : new BigDecimal(value);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
