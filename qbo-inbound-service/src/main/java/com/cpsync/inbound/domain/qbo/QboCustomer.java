package com.cpsync.inbound.domain.qbo;

/**
 * The fields of a QBO Customer this sync reads. {@code job} covers sub-customers and projects;
 * {@code parentId} is a sub-customer's parent (null for a top-level customer).
 */
public record QboCustomer(String id, String syncToken, String displayName, String email, String phone,
        Address billingAddress, boolean job, boolean active, String parentId) {
}
