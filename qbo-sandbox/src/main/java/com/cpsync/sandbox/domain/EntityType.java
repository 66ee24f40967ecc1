package com.cpsync.sandbox.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The QBO entities the sandbox serves; name lists (soft delete, shared name space) versus transactions. */
public enum EntityType {
    CUSTOMER(true, true),
    VENDOR(true, true),
    EMPLOYEE(true, true),
    ITEM(true, false),
    INVOICE(false, false),
    PAYMENT(false, false);

    private final boolean nameList;
    private final boolean sharedNameSpace;

    EntityType(boolean nameList, boolean sharedNameSpace) {
        this.nameList = nameList;
        this.sharedNameSpace = sharedNameSpace;
    }

    /** QBO's name of the entity: "Customer", "Invoice", … */
    public String qboName() {
        return name().charAt(0) + pathName().substring(1);
    }

    public String pathName() {
        return name().toLowerCase(Locale.ROOT);
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
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(name.trim())).findFirst();
    }
}
