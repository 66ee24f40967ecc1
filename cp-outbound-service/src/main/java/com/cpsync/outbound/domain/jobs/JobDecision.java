package com.cpsync.outbound.domain.jobs;

import java.util.List;

/** What to do in QBO with a project or service ticket (a QBO sub-customer, "job") for one event. */
public sealed interface JobDecision {

    /** QBO records to bring along first, in order; empty when nothing is written. */
    default List<RequiredParent> requiredParents() {
        return List.of();
    }

    /**
     * For a job already in QBO (project or ticket alike): its update event follows the entity's "send
     * changes" switch; any other event asks for nothing more.
     */
    static JobDecision forSynced(boolean updateEvent, boolean sendChanges, String entity, String switchName) {
        if (!updateEvent) {
            return new AlreadySynced(entity + " is already in QBO");
        }
        return sendChanges ? new Update() : new Skip(entity + " changes are not sent (" + switchName + " is off)");
    }

    /** Create the job under its company's customer. */
    record Create(List<RequiredParent> requiredParents) implements JobDecision {
        public Create {
            requiredParents = List.copyOf(requiredParents);
        }
    }

    /** Send a sparse update of what changed; the job (and so its parent) already exists. */
    record Update() implements JobDecision {
    }

    /** The tenant's settings say no: an outcome SKIPPED_BY_SETTINGS with this reason. */
    record Skip(String reason) implements JobDecision {
    }

    /** The job is already in QBO and this event asks for nothing more (action NONE). */
    record AlreadySynced(String reason) implements JobDecision {
    }
}
