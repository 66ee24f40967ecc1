package com.cpsync.syncsupport.mapping;

/**
 * mapping-service refused a link (409): the Centerpoint id or the QBO id is already linked to another.
 * Never read as "already linked": the caller records a CONFLICT outcome whose reason is this message
 * (both ids and mapping-service's own sentence).
 */
public class LinkClash extends MappingServiceRefused {

    public LinkClash(LinkedEntity entity, String centerpointId, String qboId, String detail, Throwable cause) {
        super("link clash: " + entity + " " + centerpointId + " -> QBO " + qboId + ": " + detail, cause);
    }
}
