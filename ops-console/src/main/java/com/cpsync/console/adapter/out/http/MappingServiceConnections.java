package com.cpsync.console.adapter.out.http;

import java.util.List;

import com.cpsync.console.application.port.ConnectionSource;
import com.cpsync.console.domain.tenant.ConnectionState;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;

/** {@code GET /connections} of mapping-service, signed as ops-console (docs/security.md). */
public class MappingServiceConnections implements ConnectionSource {

    private final MappingServiceClient mapping;

    public MappingServiceConnections(MappingServiceClient mapping) {
        this.mapping = mapping;
    }

    @Override
    public List<ConnectionState> connections() {
        return mapping.connections().stream().map(c -> new ConnectionState(c.tenantId(), c.realmId(), c.connected(),
                c.accessTokenExpiresAt())).toList();
    }
}
