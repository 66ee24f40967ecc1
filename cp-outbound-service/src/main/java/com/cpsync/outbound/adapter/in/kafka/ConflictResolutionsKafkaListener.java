package com.cpsync.outbound.adapter.in.kafka;

import java.util.function.BooleanSupplier;

import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.kafka.annotation.KafkaListener;

import com.cpsync.outbound.application.ResolveConflict;
import com.cpsync.schemas.avro.ConflictResolution;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/**
 * Hands each resolution of a held record (from ops-console) to {@link ResolveConflict}. Before the settings,
 * entity state and own commands are read, and while QBO or mapping-service say "later", the record is retried
 * with the container's back-off; unreadable ones, and those that fail for good, go to the DLT.
 */
public class ConflictResolutionsKafkaListener {

    public static final String ID = "cp-outbound.resolutions";

    private static final Logger log = LoggerFactory.getLogger(ConflictResolutionsKafkaListener.class);

    private final ResolveConflict resolveConflict;
    private final BooleanSupplier ready;

    public ConflictResolutionsKafkaListener(ResolveConflict resolveConflict, BooleanSupplier ready) {
        this.resolveConflict = resolveConflict;
        this.ready = ready;
    }

    @KafkaListener(id = ID, topics = "${app.topics.resolutions}", containerFactory = "resolutionsContainerFactory")
    void on(SpecificRecord record) {
        if (!(record instanceof ConflictResolution resolution)) {
            throw new InvalidMessageException("not a ConflictResolution: "
                    + (record == null ? "null value" : record.getSchema().getFullName()));
        }
        if (!ready.getAsBoolean()) {
            throw new IllegalStateException("not ready: settings, entity state and own commands are still being read");
        }
        try {
            resolveConflict.resolve(ConflictResolutionAvroMapper.toDomain(resolution),
                    ConflictResolutionAvroMapper.kindOf(resolution));
        }
        catch (RuntimeException ex) {
            // the container's back-off retries it quietly: say why, once per attempt
            log.warn("Resolution {} of tenant {} not applied yet (retried): {}", resolution.getResolutionId(),
                    resolution.getTenantId(), ex.toString());
            throw ex;
        }
    }
}
