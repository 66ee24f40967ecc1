package com.cpsync.syncsupport.mapping;

/** What a mapping-service link ties together; names equal the outcome schema's SyncEntityType. */
public enum LinkedEntity { COMPANY, PROJECT, SERVICE_TICKET, SERVICE_INVOICE, PROJECT_INVOICE, PAYMENT }
