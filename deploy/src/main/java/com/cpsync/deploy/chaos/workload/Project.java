package com.cpsync.deploy.chaos.workload;

/** A Centerpoint project; its name starts with its token. */
public record Project(String id, String token, String companyId, String name) implements SourceRecord {
}
