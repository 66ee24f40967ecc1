package com.cpsync.deploy.chaos.workload;

/** A Centerpoint company; its name starts with its token. */
public record Company(String id, String token, String name, String email) implements SourceRecord {
}
