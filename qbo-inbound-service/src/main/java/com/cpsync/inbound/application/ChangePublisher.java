package com.cpsync.inbound.application;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.cpsync.inbound.domain.change.EntityChange;

/** Publishes entity changes to {@code qbo.changes.v1}; the future completes when the broker acknowledged all. */
public interface ChangePublisher {

    CompletableFuture<Void> publish(List<EntityChange> changes);
}
