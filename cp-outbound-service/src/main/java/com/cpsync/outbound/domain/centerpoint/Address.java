package com.cpsync.outbound.domain.centerpoint;

public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
}
