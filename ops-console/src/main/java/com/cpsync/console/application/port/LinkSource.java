package com.cpsync.console.application.port;

import java.util.Optional;

import com.cpsync.console.domain.reconciliation.BooksEntity;

/** mapping-service's links, one at a time (not metered). */
public interface LinkSource {

    Optional<String> qboIdOf(String tenantId, BooksEntity entity, String centerpointId);

    Optional<String> centerpointIdOf(String tenantId, BooksEntity entity, String qboId);
}
