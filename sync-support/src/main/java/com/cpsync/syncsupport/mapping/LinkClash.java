package com.cpsync.syncsupport.mapping;

/**
 * mapping-service refused a link (409): the Centerpoint id or the QBO id is already linked to another.
 * Never read as "already linked": the caller records a CONFLICT outcome naming the clash.
 */
public class LinkClash extends MappingServiceRefused {

    private final LinkedEntity entity;
    private final String centerpointId;
    private final String qboId;

    public LinkClash(LinkedEntity entity, String centerpointId, String qboId, String detail, Throwable cause) {
        super(409, "link clash: " + entity + " " + centerpointId + " -> QBO " + qboId + ": " + detail, cause);
        this.entity = entity;
        this.centerpointId = centerpointId;
        this.qboId = qboId;
    }

    public LinkedEntity entity() {
        return entity;
    }

    public String centerpointId() {
        return centerpointId;
    }

    public String qboId() {
        return qboId;
    }
}
