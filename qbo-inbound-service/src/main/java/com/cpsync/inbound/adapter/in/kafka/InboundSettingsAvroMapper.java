package com.cpsync.inbound.adapter.in.kafka;

import com.cpsync.inbound.domain.decision.InboundSettings;
import com.cpsync.schemas.avro.SyncSettings;

/** Avro {@link SyncSettings} → the inbound fields this service reads. */
public final class InboundSettingsAvroMapper {

    private InboundSettingsAvroMapper() {
    }

    public static InboundSettings toDomain(SyncSettings s) {
        return new InboundSettings(s.getGetNewCompaniesFromQbo(), s.getGetCompanyChangesFromQbo(),
                s.getGetNewProjectInvoices(), s.getGetProjectInvoiceChanges(), s.getDeleteProjectInvoicesDeletedInQbo(),
                s.getGetNewPayments(), s.getGetPaymentChanges(), s.getDeletePaymentsDeletedInQbo());
    }
}
