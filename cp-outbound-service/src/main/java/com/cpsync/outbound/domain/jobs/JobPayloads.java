package com.cpsync.outbound.domain.jobs;

import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** QBO Customer bodies for jobs (sub-customers billed with their parent). */
public final class JobPayloads {

    private JobPayloads() {
    }

    /** Body of {@code POST /customer} creating the job under its company's customer. */
    public static ObjectNode create(JobFields job, String parentCustomerId) {
        if (parentCustomerId == null || parentCustomerId.isBlank()) {
            throw new IllegalArgumentException("a job needs its parent customer's QBO id");
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("DisplayName", job.displayName());
        body.put("Job", true);
        body.putObject("ParentRef").put("value", parentCustomerId);
        body.put("BillWithParent", true);
        putAddresses(body, job);
        return body;
    }

    /** A sparse update with only the changed fields; empty when nothing changed (no call needed). */
    public static Optional<ObjectNode> sparseUpdate(String qboId, String syncToken, JobFields current,
            JobChanges changes) {
        boolean sendAddress = changes.address() && current.address() != null;
        if (!changes.displayName() && !sendAddress) {
            return Optional.empty();
        }
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("Id", qboId);
        body.put("SyncToken", syncToken);
        body.put("sparse", true);
        if (changes.displayName()) {
            body.put("DisplayName", current.displayName());
        }
        if (sendAddress) {
            putAddresses(body, current);
        }
        return Optional.of(body);
    }

    private static void putAddresses(ObjectNode body, JobFields job) {
        if (job.address() != null) {
            body.set("BillAddr", QboAddress.toJson(job.address()));
            body.set("ShipAddr", QboAddress.toJson(job.address()));
        }
    }
}
