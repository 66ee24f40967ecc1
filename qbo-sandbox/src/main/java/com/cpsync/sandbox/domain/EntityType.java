package com.cpsync.sandbox.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The QBO entities the sandbox serves; name lists (soft delete, shared name space) versus transactions. */
public enum EntityType {
    CUSTOMER("Customer", true, true),
    VENDOR("Vendor", true, true),
    EMPLOYEE("Employee", true, true),
    ITEM("Item", true, false),
    INVOICE("Invoice", false, false),
    PAYMENT("Payment", false, false);

    private final String qboName;
    private final boolean nameList;
    private final boolean sharedNameSpace;

    EntityType(String qboName, boolean nameList, boolean sharedNameSpace) {
        this.qboName = qboName;
        this.nameList = nameList;
        this.sharedNameSpace = sharedNameSpace;
    }

    public String qboName() {
        return qboName;
    }

    public String pathName() {
        return qboName.toLowerCase(Locale.ROOT);
    }

    public boolean isNameList() {
        return nameList;
    }

    /** Customer, Vendor and Employee share one DisplayName space (error 6240). */
    public boolean inSharedNameSpace() {
        return sharedNameSpace;
    }

    /** Case-insensitive lookup by QBO name or path name ("Customer", "customer"). */
    public static Optional<EntityType> from(String name) {
        if (name == null) {
            return Optional.empty();
        }
        return Arrays.stream(values()).filter(t -> t.qboName.equalsIgnoreCase(name.trim())).findFirst();
    }
}
