package com.cpsync.mapping.application;

import java.util.List;

import com.cpsync.mapping.application.port.LinkStore;
import com.cpsync.mapping.application.port.LinkStore.QboIdTakenException;
import com.cpsync.mapping.domain.link.EntityType;
import com.cpsync.mapping.domain.link.Link;
import com.cpsync.mapping.domain.link.LinkClash;

/** Links between Centerpoint and QBO ids: stored idempotently, contradictions refused with the link they clash with. */
public class LinkService {

    /** The most ids one lookup may name: a caller's coalesced lookups, well inside one SQL statement's limits. */
    public static final int MAX_LOOKUP_IDS = 500;

    private final LinkStore links;

    public LinkService(LinkStore links) {
        this.links = links;
    }

    /** Idempotent: the same pair again returns the stored link; a contradicting pair is a 409 naming the link. */
    public Link put(String tenantId, EntityType type, String centerpointId, String qboId) {
        return links.insertIfAbsent(tenantId, type, centerpointId, qboId)
                .orElseGet(() -> existingOrClash(tenantId, type, centerpointId, qboId));
    }

    private Link existingOrClash(String tenantId, EntityType type, String centerpointId, String qboId) {
        Link byCenterpointId = links.findByCenterpointId(tenantId, type, centerpointId).orElse(null);
        Link byQboId = links.findByQboId(tenantId, type, qboId).orElse(null);
        String clash = LinkClash.describe(type, centerpointId, qboId, byCenterpointId, byQboId);
        if (clash != null) {
            throw ApiException.conflict(clash);
        }
        if (byCenterpointId == null) {
            // the clashing row vanished between insert and read (a concurrent repoint): the caller may retry
            throw ApiException.conflict("the link changed concurrently, retry");
        }
        return byCenterpointId;
    }

    public Link get(String tenantId, EntityType type, String centerpointId) {
        return links.findByCenterpointId(tenantId, type, centerpointId).orElseThrow(() -> ApiException.notFound(
                "no " + type + " link for Centerpoint id " + centerpointId + " in tenant " + tenantId));
    }

    /** The links of those ids that have one (absent ids are simply not in the answer). */
    public List<Link> lookUp(String tenantId, EntityType type, List<String> centerpointIds) {
        if (centerpointIds.size() > MAX_LOOKUP_IDS) {
            throw ApiException.badRequest("at most " + MAX_LOOKUP_IDS + " centerpointIds in one lookup, got "
                    + centerpointIds.size());
        }
        if (centerpointIds.stream().anyMatch(id -> id == null || id.isBlank())) {
            throw ApiException.badRequest("'centerpointIds' must not hold a blank id");
        }
        return links.findByCenterpointIds(tenantId, type, centerpointIds);
    }

    public Link getByQboId(String tenantId, EntityType type, String qboId) {
        return links.findByQboId(tenantId, type, qboId).orElseThrow(() -> ApiException.notFound(
                "no " + type + " link for QBO id " + qboId + " in tenant " + tenantId));
    }

    /** After a QBO merge every link to the merged-away id points at the survivor. */
    public int repoint(String tenantId, EntityType type, String fromQboId, String toQboId) {
        if (fromQboId.equals(toQboId)) {
            return 0;
        }
        try {
            return links.repoint(tenantId, type, fromQboId, toQboId);
        } catch (QboIdTakenException e) {
            Link survivor = links.findByQboId(tenantId, type, toQboId).orElseThrow(ApiException::concurrentClash);
            throw ApiException.conflict("QBO id " + toQboId + " is already linked to " + type + " "
                    + survivor.centerpointId() + ", so QBO id " + fromQboId + " cannot be repointed to it");
        }
    }
}
