package com.cpsync.console.adapter.out.http;

import java.util.Optional;

import com.cpsync.console.application.port.LinkSource;
import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.syncsupport.mapping.EntityLink;
import com.cpsync.syncsupport.mapping.LinkedEntity;
import com.cpsync.syncsupport.mapping.http.MappingServiceClient;

/** mapping-service's links, read as ops-console (docs/security.md: it may read links, not write them). */
public class MappingServiceLinks implements LinkSource {

    private final MappingServiceClient mapping;

    public MappingServiceLinks(MappingServiceClient mapping) {
        this.mapping = mapping;
    }

    @Override
    public Optional<String> qboIdOf(String tenantId, BooksEntity entity, String centerpointId) {
        return mapping.findLink(tenantId, LinkedEntity.valueOf(entity.name()), centerpointId).map(EntityLink::qboId);
    }

    @Override
    public Optional<String> centerpointIdOf(String tenantId, BooksEntity entity, String qboId) {
        return mapping.findLinkByQboId(tenantId, LinkedEntity.valueOf(entity.name()), qboId)
                .map(EntityLink::centerpointId);
    }
}
