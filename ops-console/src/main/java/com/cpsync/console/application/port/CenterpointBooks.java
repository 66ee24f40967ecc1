package com.cpsync.console.application.port;

import java.util.List;

import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.BooksSettings;
import com.cpsync.console.domain.reconciliation.CenterpointRecord;

/**
 * Centerpoint's view of a tenant's books, and its re-emission of an entity's event (docs/reconciliation.md, "The
 * Centerpoint contract"): locally the stand-in's read API, in production Centerpoint's integration backend.
 */
public interface CenterpointBooks {

    /** The tenant's settings and every record: companies, projects, tickets, service invoices, and what came from QBO. */
    Books books(String tenantId);

    /**
     * Has Centerpoint publish the entity's latest event again (same type and state, a new event id, the causation
     * id given), onto the topic cp-outbound-service consumes. False when Centerpoint never published one.
     */
    boolean reemit(String tenantId, BooksEntity entity, String centerpointId, String causationId);

    /** What Centerpoint answered. */
    record Books(BooksSettings settings, List<CenterpointRecord> records) {
    }
}
