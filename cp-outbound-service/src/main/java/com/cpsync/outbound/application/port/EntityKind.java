package com.cpsync.outbound.application.port;

/** Synced entity kinds; names equal mapping-service's and the outcome schema's SyncEntityType. */
public enum EntityKind { COMPANY, PROJECT, SERVICE_TICKET, SERVICE_INVOICE }
