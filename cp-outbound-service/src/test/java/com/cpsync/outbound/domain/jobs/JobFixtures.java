package com.cpsync.outbound.domain.jobs;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.ProjectCreation;
import com.cpsync.outbound.domain.settings.OutboundSettings.TicketCreation;

final class JobFixtures {

    private JobFixtures() {
    }

    static OutboundSettings projectSettings(ProjectCreation creation, boolean sendChanges) {
        OutboundSettings none = OutboundSettings.none();
        return new OutboundSettings(none.companiesToQbo(), creation, sendChanges, none.serviceTicketsToQbo(),
                none.sendServiceTicketChanges(), none.serviceInvoicesToQbo(), none.sendServiceInvoiceChanges(),
                none.invoiceLineMode(), none.invoiceItemId(), none.nameConflictPolicy(), none.nameConflictSuffix());
    }

    static OutboundSettings ticketSettings(TicketCreation creation, boolean sendChanges) {
        OutboundSettings none = OutboundSettings.none();
        return new OutboundSettings(none.companiesToQbo(), none.projectsToQbo(), none.sendProjectChanges(), creation,
                sendChanges, none.serviceInvoicesToQbo(), none.sendServiceInvoiceChanges(),
                none.invoiceLineMode(), none.invoiceItemId(), none.nameConflictPolicy(), none.nameConflictSuffix());
    }

    static Address anAddress() {
        return new Address("1 Main St", "Suite 2", "Austin", "TX", "78701", "USA");
    }

    static Project aProject() {
        return new Project("p-1", "c-1", "Kitchen remodel", anAddress());
    }

    static ServiceTicket aTicket() {
        return new ServiceTicket("t-1", "c-1", "1042", "Boiler repair", anAddress());
    }
}
