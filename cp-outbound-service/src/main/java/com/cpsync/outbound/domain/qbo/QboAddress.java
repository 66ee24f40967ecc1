package com.cpsync.outbound.domain.qbo;

import com.cpsync.outbound.domain.centerpoint.Address;

/**
 * A Centerpoint address as a QBO PhysicalAddress (BillAddr / ShipAddr) holds it: parts trimmed and cut
 * to QBO's lengths, blank parts null (not sent). Two addresses QBO would store alike are equal.
 */
public record QboAddress(String line1, String line2, String city, String countrySubDivisionCode, String postalCode,
        String country) {

    public static QboAddress of(Address address) {
        return new QboAddress(part(address.line1(), 500), part(address.line2(), 500), part(address.city(), 255),
                part(address.region(), 255), part(address.postalCode(), 30), part(address.country(), 255));
    }

    private static String part(String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String trimmed = value.trim();
        return trimmed.length() > maxLength ? trimmed.substring(0, maxLength) : trimmed;
    }
}
