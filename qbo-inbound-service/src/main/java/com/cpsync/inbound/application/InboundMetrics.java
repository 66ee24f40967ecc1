package com.cpsync.inbound.application;

/** Counters of inbound processing (Micrometer in production, a no-op in unit tests). */
public interface InboundMetrics {

    void changeConsumed(String entityName);

    void duplicateCollapsed(String entityName);

    void ignoredEntity(String entityName);
}
