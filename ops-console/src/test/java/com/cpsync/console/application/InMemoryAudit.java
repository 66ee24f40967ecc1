package com.cpsync.console.application;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.cpsync.console.application.port.AuditLog;
import com.cpsync.console.domain.audit.AuditEntry;

/** The audit in a list; read back newest first, as the console shows it. */
public final class InMemoryAudit implements AuditLog {

    final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public void record(AuditEntry entry) {
        entries.add(entry);
    }

    @Override
    public List<AuditEntry> latest(int limit) {
        List<AuditEntry> newestFirst = new ArrayList<>(entries);
        Collections.reverse(newestFirst);
        return newestFirst.stream().limit(limit).toList();
    }
}
