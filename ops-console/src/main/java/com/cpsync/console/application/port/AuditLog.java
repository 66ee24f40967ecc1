package com.cpsync.console.application.port;

import java.util.List;

import com.cpsync.console.domain.audit.AuditEntry;

/** Every action taken in the console, kept. */
public interface AuditLog {

    void record(AuditEntry entry);

    /** Newest first. */
    List<AuditEntry> latest(int limit);
}
