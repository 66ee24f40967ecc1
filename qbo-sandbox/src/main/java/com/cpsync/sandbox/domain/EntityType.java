package com.cpsync.sandbox.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The QBO entities the sandbox serves; name lists (soft delete, shared name space) versus transactions. */
public enum EntityType {
    CUSTOMER(Kind.SHARED_NAME_LIST),
    VENDOR(Kind.SHARED_NAME_LIST),
    EMPLOYEE(Kind.SHARED_NAME_LIST),
    ITEM(Kind.NAME_LIST),
    INVOICE(Kind.TRANSACTION),
    PAYMENT(Kind.TRANSACTION);

    /** One kind, not two flags: only a name list can share the DisplayName space. */
    private enum Kind {
        TRANSACTION, NAME_LIST, SHARED_NAME_LIST
    }

    private final Kind kind;

    EntityType(Kind kind) {
        this.kind = kind;
    }

    /** QBO's name of the entity: "Customer", "Invoice", … */
    public String qboName() {
        return name().charAt(0) + pathName().substring(1);
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean isNameList() {
        return kind != Kind.TRANSACTION;
    }

    /** Customer, Vendor and Employee share one DisplayName space (error 6240). */
    public boolean inSharedNameSpace() {
        return kind == Kind.SHARED_NAME_LIST;
    }

    /** Case-insensitive lookup by QBO name or path name ("Customer", "customer"). */
    public static Optional<EntityType> from(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
