package com.cpsync.outbound.application;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.adapter.out.http.QboJsonMapper;
import com.cpsync.outbound.application.port.QboGateway;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.application.port.TenantMustWait;
import com.cpsync.outbound.application.port.WaitReason;
import com.cpsync.outbound.domain.invoices.InvoiceInQbo;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.qbo.client.QboFaultException;
import com.cpsync.qbo.client.names.DisplayNames;

/**
 * A tiny in-memory QBO realm for application tests: name lists, invoices, requestid replay, SyncTokens,
 * and 6240 for a DisplayName the name lists already hold. Writes are stored as the JSON the real
 * adapter would send.
 */
final class InMemoryQbo implements QboGateway {

    private static final List<String> NAME_LISTS = List.of("Customer", "Vendor", "Employee");

    final Map<String, List<ObjectNode>> byEntity = new HashMap<>();
    private final Map<String, Version> byRequestId = new HashMap<>();
    private int nextId = 1;
    int calls;
    /** How many of the next creates are applied but answered as lost (the sandbox's lostReplyRate). */
    int lostReplies;
    /** Runs as a create arrives (e.g. qbo-inbound linking what an earlier attempt made, meanwhile). */
    Runnable beforeCreate = () -> { };
    /** Runs as a DocNumber lookup arrives (e.g. qbo-inbound linking what an earlier attempt made, meanwhile). */
    Runnable beforeFindInvoices = () -> { };
    /** False: a repeated requestid creates again (the sandbox's requestIdReplay). */
    boolean requestIdReplay = true;
    /** Metered reads: name and DocNumber lookups, reads by id. */
    int reads;

    ObjectNode add(String entity, ObjectNode body) {
        body.put("Id", String.valueOf(nextId++)).put("SyncToken", "0");
        byEntity.computeIfAbsent(entity, e -> new ArrayList<>()).add(body);
        return body;
    }

    List<ObjectNode> all(String entity) {
        return byEntity.getOrDefault(entity, List.of());
    }

    @Override
    public List<QboName> findNamesLike(String realmId, String accessToken, String entity, String name) {
        calls++;
        reads++;
        Pattern like = like(DisplayNames.likePattern(name));
        return all(entity).stream().filter(e -> like.matcher(e.path("DisplayName").asString()).matches())
                .map(e -> QboJsonMapper.toName(entity, e)).toList();
    }

    @Override
    public List<InvoiceInQbo> findInvoices(String realmId, String accessToken, String docNumber) {
        beforeFindInvoices.run();
        calls++;
        reads++;
        Pattern like = like(DisplayNames.likeEquivalent(docNumber));
        return all("Invoice").stream().filter(e -> like.matcher(e.path("DocNumber").asString()).matches())
                .map(QboJsonMapper::toInvoiceInQbo).toList();
    }

    /** QBO's LIKE: % is the only wildcard, case is ignored. */
    private static Pattern like(String pattern) {
        String regex = String.join(".*", Arrays.stream(pattern.split("%", -1)).map(Pattern::quote).toList());
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    @Override
    public Version create(String realmId, String accessToken, QboWrite write, String requestId) {
        beforeCreate.run();
        calls++;
        Version replayed = requestIdReplay ? byRequestId.get(requestId) : null;
        if (replayed != null) {
            return replayed;
        }
        ObjectNode body = QboJsonMapper.toJson(write);
        if (body.has("DisplayName") && nameTaken(body.path("DisplayName").asString())) {
            throw new QboRefused("6240", "Duplicate Name Exists Error", null);
        }
        if (write.entity().equals(QboWrite.INVOICE)) {
            // QBO adds the total of the lines
            body.put("TotalAmt", body.path("Line").valueStream().map(line -> line.path("Amount").decimalValue())
                    .reduce(BigDecimal.ZERO, BigDecimal::add));
        }
        Version created = QboJsonMapper.toVersion(add(write.entity(), body));
        byRequestId.put(requestId, created);
        if (lostReplies > 0) {
            lostReplies--;
            // applied, then the answer is lost: what the QBO adapter makes of a 502 or a timeout
            QboFaultException lost = new QboFaultException(502, null, "Bad Gateway", null, null, null, null);
            throw new TenantMustWait(WaitReason.FAILING, null, "QBO unavailable (HTTP 502)", lost);
        }
        return created;
    }

    @Override
    public Version update(String realmId, String accessToken, QboWrite write) {
        calls++;
        ObjectNode body = QboJsonMapper.toJson(write);
        ObjectNode stored = find(write.entity(), body.path("Id").asString());
        body.properties().forEach(p -> stored.set(p.getKey(), p.getValue()));
        stored.put("SyncToken", String.valueOf(Integer.parseInt(body.path("SyncToken").asString()) + 1));
        return QboJsonMapper.toVersion(stored);
    }

    @Override
    public Version read(String realmId, String accessToken, String entity, String id) {
        calls++;
        reads++;
        return QboJsonMapper.toVersion(find(entity, id));
    }

    private ObjectNode find(String entity, String id) {
        return all(entity).stream().filter(e -> e.path("Id").asString().equals(id)).findFirst().orElseThrow();
    }

    private boolean nameTaken(String displayName) {
        return NAME_LISTS.stream().flatMap(list -> all(list).stream())
                .anyMatch(e -> e.path("DisplayName").asString().equalsIgnoreCase(displayName));
    }
}
