package com.cpsync.outbound.application.port;

/**
 * mapping-service refused a link (409): the Centerpoint id or the QBO id is already linked elsewhere.
 * An {@link IllegalStateException}, so callers that do not expect it still end the event as FAILED.
 */
public class LinkClash extends IllegalStateException {

    public LinkClash(String message, Throwable cause) {
        super(message, cause);
    }
}
