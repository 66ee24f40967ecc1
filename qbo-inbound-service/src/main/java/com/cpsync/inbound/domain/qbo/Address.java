package com.cpsync.inbound.domain.qbo;

/** A QBO address (BillAddr), passed on to Centerpoint as it is. */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
}
