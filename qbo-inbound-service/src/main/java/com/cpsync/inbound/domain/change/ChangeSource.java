package com.cpsync.inbound.domain.change;

/** Where a change was learnt from. */
public enum ChangeSource {
    WEBHOOK, CDC
}
