package com.cpsync.outbound.domain.jobs;

import com.cpsync.outbound.domain.centerpoint.Address;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** A Centerpoint address as a QBO PhysicalAddress (BillAddr / ShipAddr); blank parts are left out. */
public final class QboAddress {

    private QboAddress() {
    }

    public static ObjectNode toJson(Address address) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        putIfPresent(json, "Line1", address.line1(), 500);
        putIfPresent(json, "Line2", address.line2(), 500);
        putIfPresent(json, "City", address.city(), 255);
        putIfPresent(json, "CountrySubDivisionCode", address.region(), 255);
        putIfPresent(json, "PostalCode", address.postalCode(), 30);
        putIfPresent(json, "Country", address.country(), 255);
        return json;
    }

    private static void putIfPresent(ObjectNode json, String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return;
        }
        String trimmed = value.trim();
        json.put(field, trimmed.length() > maxLength ? trimmed.substring(0, maxLength) : trimmed);
    }
}
