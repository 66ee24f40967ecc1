package com.cpsync.mapping.domain.link;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Mirrors the Avro {@code SyncEntityType} names (kept here so the domain does not depend on Avro). */
public enum EntityType {
    COMPANY, PROJECT, SERVICE_TICKET, SERVICE_INVOICE, PROJECT_INVOICE, PAYMENT;

    /** @throws IllegalArgumentException with a message listing the allowed names */
    public static EntityType parse(String name) {
        for (EntityType type : values()) {
            if (type.name().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown entityType '" + name + "'; expected one of "
                + Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", ")));
    }
}
