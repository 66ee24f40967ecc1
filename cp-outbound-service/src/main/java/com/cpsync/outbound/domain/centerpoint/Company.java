package com.cpsync.outbound.domain.centerpoint;

/** A Centerpoint company (a contractor's client); optional parts are null when absent. */
public record Company(String id, String name, String email, String phone, Address billingAddress)
        implements CenterpointEntity {
}
