package com.cpsync.outbound.domain.jobs;

import java.util.Objects;

import tools.jackson.databind.JsonNode;

/**
 * Which job fields a sparse update must carry. A removed address is not a change: QBO cannot
 * clear an address through a sparse update, so the old one stays.
 */
public record JobChanges(boolean displayName, boolean address) {

    public static JobChanges none() {
        return new JobChanges(false, false);
    }

    /** Every field: use when only the new state is known. */
    public static JobChanges all() {
        return new JobChanges(true, true);
    }

    /** Differences between the previous and the new Centerpoint state. */
    public static JobChanges between(JobFields previous, JobFields current) {
        boolean name = !Objects.equals(previous.displayName(), current.displayName());
        boolean address = current.address() != null
                && (previous.address() == null
                        || !QboAddress.toJson(previous.address()).equals(QboAddress.toJson(current.address())));
        return new JobChanges(name, address);
    }

    /** Differences between a QBO Customer as read (e.g. after a 5010) and the new Centerpoint state. */
    public static JobChanges against(JsonNode qboCustomer, JobFields current) {
        boolean name = !current.displayName().equals(qboCustomer.path("DisplayName").asString(""));
        boolean address = current.address() != null
                && (!sameAddress(qboCustomer.path("BillAddr"), current)
                        || !sameAddress(qboCustomer.path("ShipAddr"), current));
        return new JobChanges(name, address);
    }

    public boolean isEmpty() {
        return !displayName && !address;
    }

    private static boolean sameAddress(JsonNode qboAddress, JobFields current) {
        JsonNode wanted = QboAddress.toJson(current.address());
        for (String field : new String[] {"Line1", "Line2", "City", "CountrySubDivisionCode", "PostalCode", "Country"}) {
            if (!wanted.path(field).asString("").equals(qboAddress.path(field).asString(""))) {
                return false;
            }
        }
        return true;
    }
}
