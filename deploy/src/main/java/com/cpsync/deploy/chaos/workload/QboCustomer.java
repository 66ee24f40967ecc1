package com.cpsync.deploy.chaos.workload;

/** A customer a user makes in QBO; its display name starts with its token. */
public record QboCustomer(String token, String displayName, String email) implements SourceRecord {

    @Override
    public String id() {
        return token;
    }
}
