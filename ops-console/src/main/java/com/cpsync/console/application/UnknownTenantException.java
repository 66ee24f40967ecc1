package com.cpsync.console.application;

/** A tenant of which nothing is indexed: the pages and the API answer 404 with this sentence. */
public class UnknownTenantException extends RuntimeException {

    UnknownTenantException(String tenantId) {
        super("no tenant '" + tenantId + "' in the index");
    }
}
