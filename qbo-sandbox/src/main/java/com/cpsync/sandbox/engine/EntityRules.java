package com.cpsync.sandbox.engine;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.cpsync.sandbox.domain.EntityType;
import com.cpsync.sandbox.domain.QboFault;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** QBO's per-entity validation and computed fields, applied to the writable part of a create or update. */
final class EntityRules {

    private static final List<EntityType> SHARED_NAME_SPACE = List.of(EntityType.CUSTOMER, EntityType.VENDOR, EntityType.EMPLOYEE);
    private static final int MAX_DISPLAY_NAME = 500;
    private static final int MAX_ITEM_NAME = 100;
    private static final int MAX_DOC_NUMBER = 21;
    private static final int MAX_LEVEL = 4;

    private final Realm realm;

    EntityRules(Realm realm) {
        this.realm = realm;
    }

    void prepare(EntityType type, ObjectNode obj, StoredEntity existing) {
        switch (type) {
            case CUSTOMER -> customer(obj, existing);
            case VENDOR, EMPLOYEE -> person(type, obj, existing);
            case ITEM -> item(obj, existing);
            case INVOICE -> invoice(obj, existing);
            case PAYMENT -> payment(obj, existing);
            default -> throw new IllegalStateException(type.name());
        }
    }

    private void customer(ObjectNode obj, StoredEntity existing) {
        person(EntityType.CUSTOMER, obj, existing);
        String parentId = Json.ref(obj, "ParentRef");
        if (parentId != null) {
            referencedCustomer("ParentRef", parentId, existing);
            if (existing != null && isSameOrDescendant(parentId, existing.id)) {
                throw QboFault.business("A customer cannot be its own parent or the parent of its own parent");
            }
        } else if (obj.path("Job").asBoolean(false)) {
            throw QboFault.required("ParentRef");
        }
        hierarchy(obj);
        if (!obj.has("BillWithParent") || parentId == null) {
            obj.put("BillWithParent", false);
        }
        obj.put("IsProject", false);
        keep(obj, existing, "Balance", BigDecimal.ZERO);
        keep(obj, existing, "BalanceWithJobs", BigDecimal.ZERO);
    }

    /** Sets Job, Level and FullyQualifiedName from ParentRef. */
    void hierarchy(ObjectNode obj) {
        String name = Json.text(obj, "DisplayName");
        String parentId = Json.ref(obj, "ParentRef");
        StoredEntity parent = realm.find(EntityType.CUSTOMER, parentId);
        if (parent == null) {
            obj.remove("ParentRef");
            obj.put("Job", false);
            obj.put("Level", 0);
            obj.put("FullyQualifiedName", name);
            return;
        }
        int level = parent.json.path("Level").asInt(0) + 1;
        if (level > MAX_LEVEL) {
            throw QboFault.business("A customer hierarchy can have at most 5 levels");
        }
        obj.set("ParentRef", Json.refNode(parentId).put("name", parent.json.path("FullyQualifiedName").asString()));
        obj.put("Job", true);
        obj.put("Level", level);
        obj.put("FullyQualifiedName", parent.json.path("FullyQualifiedName").asString() + ":" + name);
    }

    private boolean isSameOrDescendant(String candidateId, String ancestorId) {
        String current = candidateId;
        for (int i = 0; current != null && i <= MAX_LEVEL + 1; i++) {
            if (current.equals(ancestorId)) {
                return true;
            }
            StoredEntity e = realm.find(EntityType.CUSTOMER, current);
            current = e == null ? null : Json.ref(e.json, "ParentRef");
        }
        return false;
    }

    private void person(EntityType type, ObjectNode obj, StoredEntity existing) {
        String name = displayName(obj);
        validateName(name, MAX_DISPLAY_NAME, "DisplayName");
        for (EntityType t : SHARED_NAME_SPACE) {
            for (StoredEntity other : realm.entities(t)) {
                boolean self = existing != null && other.type == type && other.id.equals(existing.id);
                if (!self && sameName(name, other.json.path("DisplayName").asString())) {
                    throw QboFault.duplicateName(name, t.qboName(), other.id);
                }
            }
        }
        if (!obj.has("Active") || obj.get("Active").isNull()) {
            obj.put("Active", true);
        }
        if (type != EntityType.CUSTOMER && !obj.has("PrintOnCheckName")) {
            obj.put("PrintOnCheckName", name);
        }
    }

    private String displayName(ObjectNode obj) {
        String name = Json.text(obj, "DisplayName");
        if (name == null) {
            String fromParts = Stream.of("Title", "GivenName", "MiddleName", "FamilyName", "Suffix")
                    .map(f -> Json.text(obj, f)).filter(s -> s != null).collect(Collectors.joining(" "));
            name = fromParts.isBlank() ? Json.text(obj, "CompanyName") : fromParts;
        }
        if (name == null) {
            throw QboFault.required("DisplayName");
        }
        obj.put("DisplayName", name);
        return name;
    }

    private void item(ObjectNode obj, StoredEntity existing) {
        String name = Json.text(obj, "Name");
        if (name == null) {
            throw QboFault.required("Name");
        }
        validateName(name, MAX_ITEM_NAME, "Name");
        for (StoredEntity other : realm.entities(EntityType.ITEM)) {
            if ((existing == null || !other.id.equals(existing.id)) && sameName(name, other.json.path("Name").asString())) {
                throw QboFault.duplicateName(name, "Item", other.id);
            }
        }
        obj.put("FullyQualifiedName", name);
        if (Json.text(obj, "Type") == null) {
            obj.put("Type", "Service");
        }
        if (!obj.has("Active") || obj.get("Active").isNull()) {
            obj.put("Active", true);
        }
    }

    /**
     * Names are compared case-insensitively after trimming. The facts file lists this as unconfirmed for
     * real QBO; we chose the stricter reading so clients must search the same way before creating.
     */
    static boolean sameName(String a, String b) {
        return a.trim().toLowerCase(Locale.ROOT).equals(b.trim().toLowerCase(Locale.ROOT));
    }

    private static void validateName(String name, int maxLength, String element) {
        if (name.indexOf(':') >= 0 || name.indexOf('\t') >= 0 || name.indexOf('\n') >= 0 || name.indexOf('\r') >= 0) {
            throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                    "Business Validation Error: " + element + " cannot contain a colon (:), a tab or a new line", element);
        }
        if (name.length() > maxLength) {
            throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                    "Business Validation Error: " + element + " is longer than " + maxLength + " characters", element);
        }
    }

    private void invoice(ObjectNode obj, StoredEntity existing) {
        requireCustomer(obj, existing);
        InvoiceCalculator.Totals totals = InvoiceCalculator.compute(obj.get("Line"));
        for (JsonNode line : totals.lines()) {
            if (line.has("SalesItemLineDetail")) {
                ObjectNode detail = (ObjectNode) line.get("SalesItemLineDetail");
                String itemId = Json.ref(detail, "ItemRef");
                StoredEntity item = realm.find(EntityType.ITEM, itemId == null ? "1" : itemId);
                if (item == null) {
                    throw QboFault.invalidReference("ItemRef", itemId);
                }
                detail.set("ItemRef", Json.refNode(item.id).put("name", item.json.path("Name").asString()));
            }
        }
        obj.set("Line", totals.lines());
        obj.put("TotalAmt", totals.total());
        String docNumber = Json.text(obj, "DocNumber");
        if (docNumber == null) {
            docNumber = realm.nextDocNumber();
        }
        if (docNumber.length() > MAX_DOC_NUMBER) {
            throw QboFault.validation("6000", "A business validation error has occurred while processing your request",
                    "Business Validation Error: DocNumber is longer than " + MAX_DOC_NUMBER + " characters", "DocNumber");
        }
        StoredEntity owner = docNumberOwner(docNumber, existing == null ? null : existing.id);
        if (owner != null && realm.refusesDuplicateDocNumbers()) {
            throw QboFault.validation("6140", "Duplicate Document Number Error",
                    "Duplicate Document Number Error : You must specify a different number. This number has already been used. "
                            + "DocNumber=" + docNumber + " is assigned to TxnType=Invoice with TxnId=" + owner.id, "DocNumber");
        }
        obj.put("DocNumber", docNumber);
        if (Json.text(obj, "TxnDate") == null) {
            obj.put("TxnDate", realm.today().toString());
        }
        if (Json.text(obj, "DueDate") == null) {
            obj.put("DueDate", obj.get("TxnDate").asString());
        }
        String emailStatus = Json.text(obj, "EmailStatus");
        if (emailStatus == null) {
            obj.put("EmailStatus", "NotSet");
        } else if (emailStatus.equals("NeedToSend") && obj.path("BillEmail").path("Address").asString().isBlank()) {
            throw QboFault.business("EmailStatus NeedToSend requires BillEmail");
        }
        defaults(obj);
        obj.putObject("TxnTaxDetail").put("TotalTax", BigDecimal.ZERO);
        if (existing != null) {
            applyPayments(obj, existing.id);
        } else {
            obj.put("Balance", totals.total());
            obj.putArray("LinkedTxn");
        }
    }

    /** Balance = TotalAmt minus what live payments apply; LinkedTxn lists those payments. */
    void applyPayments(ObjectNode invoice, String invoiceId) {
        BigDecimal total = invoice.path("TotalAmt").decimalValue();
        BigDecimal applied = realm.appliedTo(invoiceId, null);
        if (applied.compareTo(total) > 0) {
            throw QboFault.business("Invoice total " + total + " is less than the payments applied to it (" + applied + ")");
        }
        invoice.put("Balance", total.subtract(applied));
        ArrayNode linked = invoice.putArray("LinkedTxn");
        for (StoredEntity p : realm.entities(EntityType.PAYMENT)) {
            if (linkedInvoiceIds(p.json).contains(invoiceId)) {
                linked.addObject().put("TxnId", p.id).put("TxnType", "Payment");
            }
        }
    }

    StoredEntity docNumberOwner(String docNumber, String exceptId) {
        for (StoredEntity inv : realm.entities(EntityType.INVOICE)) {
            if (!inv.id.equals(exceptId) && sameName(docNumber, inv.json.path("DocNumber").asString())) {
                return inv;
            }
        }
        return null;
    }

    private void payment(ObjectNode obj, StoredEntity existing) {
        String customerId = requireCustomer(obj, existing);
        JsonNode totalNode = obj.get("TotalAmt");
        if (totalNode == null || totalNode.isNull()) {
            throw QboFault.required("TotalAmt");
        }
        BigDecimal total = new BigDecimal(totalNode.asString());
        if (total.signum() < 0) {
            throw QboFault.business("TotalAmt cannot be negative");
        }
        BigDecimal applied = BigDecimal.ZERO;
        for (JsonNode line : obj.path("Line")) {
            BigDecimal amount = new BigDecimal(line.path("Amount").asString("0"));
            for (JsonNode txn : line.path("LinkedTxn")) {
                String invoiceId = Json.text(txn, "TxnId");
                StoredEntity invoice = realm.find(EntityType.INVOICE, invoiceId);
                if (invoice == null) {
                    throw QboFault.invalidReference("LinkedTxn.TxnId", invoiceId);
                }
                String invoiceCustomer = Json.ref(invoice.json, "CustomerRef");
                if (!isSameOrDescendant(invoiceCustomer, customerId)) {
                    throw QboFault.business("Invoice " + invoiceId + " belongs to another customer");
                }
                BigDecimal open = invoice.json.path("TotalAmt").decimalValue()
                        .subtract(realm.appliedTo(invoiceId, existing == null ? null : existing.id));
                if (amount.compareTo(open) > 0) {
                    throw QboFault.business("The amount applied (" + amount + ") exceeds the open balance of Invoice "
                            + invoiceId + " (" + open + ")");
                }
            }
            applied = applied.add(amount);
        }
        if (applied.compareTo(total) > 0) {
            throw QboFault.business("The amount applied (" + applied + ") exceeds the payment TotalAmt (" + total + ")");
        }
        obj.put("TotalAmt", total);
        obj.put("UnappliedAmt", total.subtract(applied));
        if (Json.text(obj, "TxnDate") == null) {
            obj.put("TxnDate", realm.today().toString());
        }
        defaults(obj);
    }

    private String requireCustomer(ObjectNode obj, StoredEntity existing) {
        String customerId = Json.ref(obj, "CustomerRef");
        if (customerId == null) {
            throw QboFault.required("CustomerRef");
        }
        StoredEntity customer = referencedCustomer("CustomerRef", customerId, existing);
        obj.set("CustomerRef", Json.refNode(customerId).put("name", customer.json.path("DisplayName").asString()));
        return customerId;
    }

    /** The customer a reference names: unknown is 2500; inactive is 610 unless the record already pointed at it. */
    private StoredEntity referencedCustomer(String field, String customerId, StoredEntity existing) {
        StoredEntity customer = realm.find(EntityType.CUSTOMER, customerId);
        if (customer == null) {
            throw QboFault.invalidReference(field, customerId);
        }
        boolean changed = existing == null || !customerId.equals(Json.ref(existing.json, field));
        if (changed && !customer.active()) {
            throw QboFault.notFound("Customer", customerId);
        }
        return customer;
    }

    private static void defaults(ObjectNode obj) {
        if (!obj.has("CurrencyRef")) {
            obj.set("CurrencyRef", Json.refNode("USD").put("name", "United States Dollar"));
        }
    }

    private static void keep(ObjectNode obj, StoredEntity existing, String field, BigDecimal initial) {
        if (existing != null && existing.json.has(field)) {
            obj.set(field, existing.json.get(field));
        } else {
            obj.put(field, initial);
        }
    }

    static Set<String> linkedInvoiceIds(JsonNode payment) {
        Set<String> ids = new LinkedHashSet<>();
        for (JsonNode line : payment.path("Line")) {
            for (JsonNode txn : line.path("LinkedTxn")) {
                if ("Invoice".equalsIgnoreCase(txn.path("TxnType").asString("Invoice"))) {
                    ids.add(txn.path("TxnId").asString());
                }
            }
        }
        return ids;
    }

    static BigDecimal amountAppliedTo(JsonNode payment, String invoiceId) {
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode line : payment.path("Line")) {
            List<String> targets = new ArrayList<>();
            line.path("LinkedTxn").forEach(t -> targets.add(t.path("TxnId").asString()));
            if (targets.contains(invoiceId)) {
                sum = sum.add(new BigDecimal(line.path("Amount").asString("0")));
            }
        }
        return sum;
    }
}
