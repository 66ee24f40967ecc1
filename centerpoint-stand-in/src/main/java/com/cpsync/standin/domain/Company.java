package com.cpsync.standin.domain;

/** A Centerpoint company (a contractor's client); e-mail, phone and address may be null. */
public record Company(String id, String name, String email, String phone, Address billingAddress) {
}
