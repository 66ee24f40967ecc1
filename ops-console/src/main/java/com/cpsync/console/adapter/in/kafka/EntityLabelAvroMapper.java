package com.cpsync.console.adapter.in.kafka;

import java.util.Optional;

import org.apache.avro.specific.SpecificRecord;

import com.cpsync.console.domain.outcome.EntityLabel;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.Company;
import com.cpsync.schemas.avro.Project;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceTicket;

/**
 * The label of the entity a Centerpoint event carries. Every payload of the union holds its entity as its only
 * field (DESIGN.md §3: events are "fat"), so the entity's type says which label it has.
 */
final class EntityLabelAvroMapper {

    private EntityLabelAvroMapper() {
    }

    static Optional<EntityLabel> toDomain(CenterpointEvent event) {
        if (!(event.getPayload() instanceof SpecificRecord payload) || payload.getSchema().getFields().size() != 1) {
            return Optional.empty();
        }
        Object entity = payload.get(0);
        String tenant = event.getTenantId();
        if (entity instanceof Company company) {
            return Optional.of(new EntityLabel(tenant, "COMPANY", company.getId(), company.getName(), event.getOccurredAt()));
        }
        if (entity instanceof Project project) {
            return Optional.of(new EntityLabel(tenant, "PROJECT", project.getId(), project.getName(), event.getOccurredAt()));
        }
        if (entity instanceof ServiceTicket ticket) {
            return Optional.of(new EntityLabel(tenant, "SERVICE_TICKET", ticket.getId(), ticket.getNumber(),
                    event.getOccurredAt()));
        }
        if (entity instanceof ServiceInvoice invoice) {
            return Optional.of(new EntityLabel(tenant, "SERVICE_INVOICE", invoice.getId(), invoice.getNumber(),
                    event.getOccurredAt()));
        }
        return Optional.empty();
    }
}
