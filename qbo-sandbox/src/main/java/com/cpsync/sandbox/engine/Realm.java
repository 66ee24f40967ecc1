package com.cpsync.sandbox.engine;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import com.cpsync.sandbox.domain.ChangeEvent;
import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.QboFault;
import com.cpsync.sandbox.domain.faults.FaultSettings;
import com.cpsync.sandbox.domain.faults.RealmFaults;
import com.cpsync.sandbox.domain.faults.RealmStats;
import com.cpsync.sandbox.domain.query.Query;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One QBO company as JSON documents: its entities, deleted-object tombstones (for CDC), requestid replies,
 * faults and stats. Every operation is synchronized on the realm, which keeps the rules simple and
 * requestid replay exact.
 */
public final class Realm {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");

    /** Receives every change a webhook would report. */
    public interface ChangeListener {
        void changed(ChangeEvent event);
    }

    /** A reply kept for {@code requestid} replay. */
    public record StoredResponse(int status, String body) {
    }

    private final String id;
    private final Clock clock;
    private final ChangeListener listener;
    private final EntityRules rules = new EntityRules(this);
    private final EntityStore store = new EntityStore();
    private final Map<String, StoredResponse> responsesByRequestId = new HashMap<>();
    private final RealmStats stats = new RealmStats();
    private final RealmFaults faults;
    private long lastDocNumber = 1000;

    public Realm(String id, Clock clock, FaultSettings settings, ChangeListener listener) {
        this.id = id;
        this.clock = clock;
        this.faults = new RealmFaults(settings);
        this.listener = listener;
        seedServicesItem();
    }

    private void seedServicesItem() {
        ObjectNode item = Json.object();
        item.put("Name", "Services");
        item.put("Type", "Service");
        item.set("IncomeAccountRef", Json.refNode("79").put("name", "Services"));
        rules.prepare(EntityType.ITEM, item, null);
        store(EntityType.ITEM, item, clock.instant());
    }

    public String id() {
        return id;
    }

    public RealmStats stats() {
        return stats;
    }

    public RealmFaults faults() {
        return faults;
    }

    /** The company's time zone: {@code MetaData} times, today's date, CDC times without offset. */
    public ZoneId zone() {
        return faults.settings().timeZone();
    }

    public String format(Instant instant) {
        return TIME.format(instant.atZone(zone()));
    }

    /** Now on the sandbox's clock (which tests may move). */
    public Instant instant() {
        return clock.instant();
    }

    public String now() {
        return format(clock.instant());
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }

    boolean refusesDuplicateDocNumbers() {
        return faults.settings().duplicateDocNumbers() == FaultSettings.DuplicateDocNumbers.REJECT;
    }

    /**
     * Runs {@code work} once per requestid; a repeated id gets the original successful reply back, unless
     * the realm ignores requestid (reported of QBO: qbo-api-facts.md §11.2).
     */
    public synchronized StoredResponse idempotent(String requestId, Supplier<StoredResponse> work) {
        if (requestId == null || !faults.settings().requestIdReplay()) {
            return work.get();
        }
        StoredResponse earlier = responsesByRequestId.get(requestId);
        if (earlier != null) {
            return earlier;
        }
        StoredResponse response = work.get();
        if (response.status() / 100 == 2) {
            responsesByRequestId.put(requestId, response);
        }
        return response;
    }

    public synchronized ObjectNode read(EntityType type, String entityId) {
        return liveEntity(type, entityId).json.deepCopy();
    }

    /** Create (no Id) or update (Id; {@code sparse:true} merges, otherwise omitted writable fields are dropped). */
    public synchronized ObjectNode save(EntityType type, ObjectNode body) {
        String entityId = Json.text(body, "Id");
        return entityId == null ? create(type, body) : update(type, entityId, body);
    }

    private ObjectNode create(EntityType type, ObjectNode body) {
        ObjectNode obj = writable(body);
        rules.prepare(type, obj, null);
        StoredEntity e = store(type, obj, clock.instant());
        afterWrite(type, e, null);
        emit(type, e.id, ChangeEvent.Operation.CREATE, e.updatedAt, null);
        return e.json.deepCopy();
    }

    private StoredEntity store(EntityType type, ObjectNode obj, Instant now) {
        StoredEntity e = new StoredEntity(type, store.nextId(type));
        write(e, obj, now);
        store.add(e);
        return e;
    }

    private ObjectNode update(EntityType type, String entityId, ObjectNode body) {
        StoredEntity e = liveEntity(type, entityId);
        checkSyncToken(e, body);
        if (e.voided) {
            throw QboFault.business("A voided transaction cannot be changed. " + type.qboName() + " Id=" + entityId);
        }
        ObjectNode obj;
        if (body.path("sparse").asBoolean(false)) {
            obj = withoutServerFields(e.json.deepCopy());
            obj.setAll(writable(body));
        } else {
            obj = writable(body);
            keepUnchangeable(type, e.json, obj);
        }
        rules.prepare(type, obj, e);
        ObjectNode before = e.json;
        replace(e, obj, clock.instant());
        afterWrite(type, e, before);
        emit(type, entityId, ChangeEvent.Operation.UPDATE, e.updatedAt, null);
        return e.json.deepCopy();
    }

    private void replace(StoredEntity e, ObjectNode obj, Instant now) {
        write(e, withoutServerFields(obj), now);
    }

    /** The entity's document as QBO keeps it: the body inside the server's fields; a first write is SyncToken 0. */
    private void write(StoredEntity e, ObjectNode body, Instant now) {
        boolean created = e.json == null;
        ObjectNode json = Json.object();
        json.put("Id", e.id);
        json.put("SyncToken", created ? "0" : String.valueOf(e.syncToken() + 1));
        json.setAll(body);
        json.put("domain", "QBO");
        json.put("sparse", false);
        ObjectNode meta = json.putObject("MetaData");
        meta.put("CreateTime", created ? format(now) : e.json.path("MetaData").path("CreateTime").asString());
        meta.put("LastUpdatedTime", format(now));
        e.json = json;
        e.updatedAt = now;
    }

    /** Transactions only; name lists are deactivated with {@code Active:false} instead. */
    public synchronized ObjectNode delete(EntityType type, ObjectNode body) {
        if (type.isNameList()) {
            throw QboFault.business("Operation Delete is not supported for " + type.qboName()
                    + ": make it inactive with a sparse update setting Active to false");
        }
        String entityId = Json.text(body, "Id");
        if (entityId == null) {
            throw QboFault.required("Id");
        }
        StoredEntity e = liveEntity(type, entityId);
        checkSyncToken(e, body);
        if (type == EntityType.INVOICE && !paymentsApplying(entityId).isEmpty()) {
            throw QboFault.business("The transaction is linked to payments " + paymentsApplying(entityId)
                    + "; unlink them before deleting Invoice Id=" + entityId);
        }
        Instant now = clock.instant();
        store.remove(type, entityId, now);
        afterWrite(type, null, e.json);
        emit(type, entityId, ChangeEvent.Operation.DELETE, now, null);
        ObjectNode reply = Json.object();
        reply.put("status", "Deleted");
        reply.put("domain", "QBO");
        reply.put("Id", entityId);
        return reply;
    }

    /** Void keeps the record with zero amounts and "Voided" in PrivateNote (Invoice and Payment). */
    public synchronized ObjectNode voidTransaction(EntityType type, ObjectNode body) {
        if (type != EntityType.INVOICE && type != EntityType.PAYMENT) {
            throw QboFault.business("Operation Void is not supported for " + type.qboName());
        }
        String entityId = Json.text(body, "Id");
        if (entityId == null) {
            throw QboFault.required("Id");
        }
        StoredEntity e = liveEntity(type, entityId);
        checkSyncToken(e, body);
        ObjectNode obj = e.json.deepCopy();
        obj.set("Line", InvoiceCalculator.zeroed(obj.path("Line")));
        obj.put("TotalAmt", BigDecimal.ZERO);
        obj.put(type == EntityType.INVOICE ? "Balance" : "UnappliedAmt", BigDecimal.ZERO);
        String note = Json.text(obj, "PrivateNote");
        obj.put("PrivateNote", note == null || note.startsWith("Voided") ? "Voided" : "Voided - " + note);
        ObjectNode before = e.json;
        replace(e, obj, clock.instant());
        e.voided = true;
        afterWrite(type, e, before);
        emit(type, entityId, ChangeEvent.Operation.VOID, e.updatedAt, null);
        return e.json.deepCopy();
    }

    /** Merges {@code fromId} into {@code toId} (UI merge): the loser disappears (610) and a Merge is reported. */
    public synchronized ObjectNode merge(EntityType type, String fromId, String toId) {
        if (type != EntityType.CUSTOMER && type != EntityType.VENDOR) {
            throw QboFault.business("Merge is supported for Customer and Vendor only");
        }
        StoredEntity from = liveEntity(type, fromId);
        StoredEntity to = liveEntity(type, toId);
        if (from == to) {
            throw QboFault.business("Cannot merge a record into itself");
        }
        Instant now = clock.instant();
        store.remove(type, fromId, now);
        if (type == EntityType.CUSTOMER) {
            repointCustomer(fromId, toId, now);
        }
        replace(to, to.json.deepCopy(), now);
        emit(type, toId, ChangeEvent.Operation.MERGE, now, fromId);
        return to.json.deepCopy();
    }

    private void repointCustomer(String fromId, String toId, Instant now) {
        for (EntityType t : List.of(EntityType.INVOICE, EntityType.PAYMENT, EntityType.CUSTOMER)) {
            String field = t == EntityType.CUSTOMER ? "ParentRef" : "CustomerRef";
            for (StoredEntity e : store.entities(t)) {
                if (fromId.equals(Json.ref(e.json, field))) {
                    ObjectNode obj = e.json.deepCopy();
                    obj.set(field, Json.refNode(toId));
                    if (t == EntityType.CUSTOMER) {
                        rules.prepare(t, obj, e);
                    }
                    replace(e, obj, now);
                }
            }
        }
        refreshHierarchy(toId, now);
    }

    public synchronized ObjectNode query(Query query) {
        return QueryRunner.run(store, query);
    }

    /** The {@code QueryResponse} array of a CDC reply. */
    public synchronized ArrayNode changedSince(List<EntityType> types, Instant since) {
        return ChangeDataCapture.changedSince(store, types, since, clock.instant(), this::format);
    }

    /** Everything of a type, inactive included (admin listing). */
    public synchronized List<ObjectNode> all(EntityType type) {
        return store.entities(type).stream().map(e -> e.json.deepCopy()).toList();
    }

    // ---- helpers used by EntityRules ----

    StoredEntity find(EntityType type, String entityId) {
        return store.find(type, entityId);
    }

    Iterable<StoredEntity> entities(EntityType type) {
        return store.entities(type);
    }

    String nextDocNumber() {
        String candidate;
        do {
            candidate = String.valueOf(++lastDocNumber);
        } while (rules.docNumberOwner(candidate, null) != null);
        return candidate;
    }

    /** Sum applied to an invoice by live, non-voided payments, optionally ignoring one payment. */
    BigDecimal appliedTo(String invoiceId, String exceptPaymentId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (StoredEntity p : store.entities(EntityType.PAYMENT)) {
            if (!p.id.equals(exceptPaymentId) && !p.voided) {
                sum = sum.add(EntityRules.amountAppliedTo(p.json, invoiceId));
            }
        }
        return sum;
    }

    private List<String> paymentsApplying(String invoiceId) {
        List<String> ids = new ArrayList<>();
        for (StoredEntity p : store.entities(EntityType.PAYMENT)) {
            if (EntityRules.linkedInvoiceIds(p.json).contains(invoiceId)) {
                ids.add(p.id);
            }
        }
        return ids;
    }

    private StoredEntity liveEntity(EntityType type, String entityId) {
        StoredEntity e = find(type, entityId);
        if (e == null) {
            throw QboFault.notFound(type.qboName(), entityId);
        }
        return e;
    }

    private static void checkSyncToken(StoredEntity e, ObjectNode body) {
        String token = Json.text(body, "SyncToken");
        if (token == null) {
            throw QboFault.required("SyncToken");
        }
        if (!token.trim().equals(String.valueOf(e.syncToken()))) {
            throw QboFault.staleObject(e.id, token);
        }
    }

    private void afterWrite(EntityType type, StoredEntity written, ObjectNode before) {
        Instant now = clock.instant();
        if (type == EntityType.PAYMENT) {
            Set<String> invoices = new HashSet<>();
            if (before != null) {
                invoices.addAll(EntityRules.linkedInvoiceIds(before));
            }
            if (written != null) {
                invoices.addAll(EntityRules.linkedInvoiceIds(written.json));
            }
            invoices.forEach(inv -> recomputeInvoice(inv, now));
        }
        if (type == EntityType.CUSTOMER && written != null) {
            refreshHierarchy(written.id, now);
        }
    }

    /** A payment change moves the invoice's Balance and LinkedTxn, which QBO reports as an invoice change. */
    private void recomputeInvoice(String invoiceId, Instant now) {
        StoredEntity inv = find(EntityType.INVOICE, invoiceId);
        if (inv == null || inv.voided) {
            return;
        }
        ObjectNode obj = inv.json.deepCopy();
        rules.applyPayments(obj, invoiceId);
        if (!obj.equals(inv.json)) {
            replace(inv, obj, now);
        }
    }

    private void refreshHierarchy(String parentId, Instant now) {
        for (StoredEntity child : List.copyOf(store.entities(EntityType.CUSTOMER))) {
            if (parentId.equals(Json.ref(child.json, "ParentRef"))) {
                ObjectNode obj = child.json.deepCopy();
                rules.hierarchy(obj);
                if (!obj.equals(child.json)) {
                    replace(child, obj, now);
                    refreshHierarchy(child.id, now);
                }
            }
        }
    }

    private void emit(EntityType type, String entityId, ChangeEvent.Operation op, Instant at, String deletedId) {
        listener.changed(new ChangeEvent(id, type.qboName(), entityId, op, at, deletedId));
    }

    private static ObjectNode writable(ObjectNode body) {
        return withoutServerFields(body.deepCopy());
    }

    private static ObjectNode withoutServerFields(ObjectNode obj) {
        obj.remove(List.of("Id", "SyncToken", "MetaData", "sparse", "domain", "status", "time"));
        return obj;
    }

    private static void keepUnchangeable(EntityType type, ObjectNode before, ObjectNode after) {
        if (before.has("CurrencyRef")) {
            after.set("CurrencyRef", before.get("CurrencyRef"));
        }
        if (type == EntityType.INVOICE && !after.has("DocNumber") && before.has("DocNumber")) {
            after.set("DocNumber", before.get("DocNumber"));
        }
    }
}
