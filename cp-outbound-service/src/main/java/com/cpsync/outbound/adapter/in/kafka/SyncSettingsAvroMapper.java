package com.cpsync.outbound.adapter.in.kafka;

import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.CompanyCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.InvoiceLineMode;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.TicketCreation;
import com.cpsync.schemas.avro.SyncSettings;

/** Avro {@link SyncSettings} → {@link OutboundSettings}; null (tombstone) → none. */
public final class SyncSettingsAvroMapper {

    private SyncSettingsAvroMapper() {
    }

    public static OutboundSettings toDomain(SyncSettings avro) {
        if (avro == null) {
            return OutboundSettings.none();
        }
        return new OutboundSettings(
                CompanyCreation.valueOf(avro.getCompaniesToQbo().name()),
                ProjectCreation.valueOf(avro.getProjectsToQbo().name()),
                avro.getSendProjectChanges(),
                TicketCreation.valueOf(avro.getServiceTicketsToQbo().name()),
                avro.getSendServiceTicketChanges(),
                InvoiceCreation.valueOf(avro.getServiceInvoicesToQbo().name()),
                avro.getSendServiceInvoiceChanges(),
                InvoiceLineMode.valueOf(avro.getInvoiceLineMode().name()),
                avro.getInvoiceItemId() == null ? OutboundSettings.DEFAULT_ITEM_ID : avro.getInvoiceItemId(),
                NameConflictPolicy.valueOf(avro.getNameConflictPolicy().name()),
                avro.getNameConflictSuffix() == null ? OutboundSettings.DEFAULT_SUFFIX : avro.getNameConflictSuffix());
    }
}
