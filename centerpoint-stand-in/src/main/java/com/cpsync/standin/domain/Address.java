package com.cpsync.standin.domain;

/** A postal address as Centerpoint keeps it; {@code line2} may be null. */
public record Address(String line1, String line2, String city, String region, String postalCode, String country) {
}
