package com.cpsync.mapping.application.port;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import com.cpsync.mapping.domain.link.EntityType;
import com.cpsync.mapping.domain.link.Link;

/** The stored links between Centerpoint and QBO ids, unique both ways per tenant and entity type. */
public interface LinkStore {

    /** @return the new link, or empty when either side is already linked (the caller looks at why) */
    Optional<Link> insertIfAbsent(String tenantId, EntityType type, String centerpointId, String qboId);

    Optional<Link> findByCenterpointId(String tenantId, EntityType type, String centerpointId);

    Optional<Link> findByQboId(String tenantId, EntityType type, String qboId);

    /** The links of those of {@code centerpointIds} that have one, in no particular order. */
    List<Link> findByCenterpointIds(String tenantId, EntityType type, Collection<String> centerpointIds);

    /**
     * Points every link to {@code fromQboId} at {@code toQboId}.
     *
     * @return how many links were repointed
     * @throws QboIdTakenException when {@code toQboId} is already linked to another Centerpoint id
     */
    int repoint(String tenantId, EntityType type, String fromQboId, String toQboId);

    /** The survivor of a merge is already linked elsewhere; nothing was changed. */
    class QboIdTakenException extends RuntimeException {
        public QboIdTakenException(Throwable cause) {
            super("the target QBO id is already linked", cause);
        }
    }
}
