package com.cpsync.console.it;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.InvoiceLine;
import com.cpsync.schemas.avro.ServiceInvoice;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncOutcome;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.TenantStatus;
import com.cpsync.schemas.avro.TenantWorkState;

/** The records the ITs publish, as the sync services and Centerpoint write them. */
final class Records {

    private Records() {
    }

    static CenterpointEvent anInvoiceCreated(String tenant, String invoiceId, String number, Instant at) {
        ServiceInvoice invoice = ServiceInvoice.newBuilder().setId(invoiceId).setCompanyId("co-1").setTicketId("tk-1")
                .setNumber(number).setIssueDate(LocalDate.of(2026, 5, 1))
                .setLines(List.of(InvoiceLine.newBuilder().setDescription("Repair").setQuantity("1")
                        .setUnitPrice("380.00").setAmount("380.00").build()))
                .setTotal("380.00").build();
        return CenterpointEvent.newBuilder().setEventId(UUID.randomUUID().toString()).setTenantId(tenant)
                .setOccurredAt(at).setPayload(ServiceInvoiceCreated.newBuilder().setInvoice(invoice).build()).build();
    }

    static SyncOutcome anOutcome(String tenant, SyncEntityType entity, String centerpointId, String qboId,
            SyncResult result, String reason, Instant at) {
        return SyncOutcome.newBuilder().setOutcomeId(UUID.randomUUID().toString()).setTenantId(tenant)
                .setRealmId("realm-" + tenant).setOccurredAt(at).setCausationId("event-" + centerpointId)
                .setDirection(SyncDirection.TO_QBO).setEntityType(entity).setCenterpointId(centerpointId)
                .setQboId(qboId).setAction(result == SyncResult.SYNCED ? SyncAction.CREATE : SyncAction.NONE)
                .setResult(result).setReason(reason).build();
    }

    static TenantStatus aTenantStatus(String tenant, TenantWorkState state, String reason, Instant until,
            Instant changedAt) {
        return TenantStatus.newBuilder().setTenantId(tenant).setRealmId("realm-" + tenant).setState(state)
                .setReason(reason).setUntil(until).setInstance("cp-outbound-0").setChangedAt(changedAt).build();
    }
}
