package com.cpsync.console.application.port;

import java.util.List;

import com.cpsync.console.domain.tenant.ConnectionState;

/** mapping-service's live QBO connections; throws when it cannot answer. */
public interface ConnectionSource {

    List<ConnectionState> connections();
}
