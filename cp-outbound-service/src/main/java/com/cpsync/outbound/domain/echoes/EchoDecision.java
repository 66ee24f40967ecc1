package com.cpsync.outbound.domain.echoes;

import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;

/**
 * What to do with an event caused by one of our own commands: it is always ECHO_SUPPRESSED, and the
 * echo of an UpsertCompany also records the COMPANY link. Only the echo carries the company id
 * Centerpoint assigned to a customer created in QBO; without the link a later change on either side
 * would be taken for a new company.
 */
public sealed interface EchoDecision {

    String reason();

    /** Suppress only. */
    record Suppress(String reason) implements EchoDecision {
    }

    /** Suppress and link {@code companyId} to {@code qboCustomerId}; the reason depends on the link's fate. */
    record SuppressAndLink(String commandId, String companyId, String qboCustomerId) implements EchoDecision {

        @Override
        public String reason() {
            return causedBy(commandId) + "; COMPANY link " + companyId + " -> QBO customer " + qboCustomerId
                    + " recorded";
        }

        /** mapping-service refused the link (409): still an echo, but the clash must be visible. */
        public String clashReason(String clash) {
            return causedBy(commandId) + "; COMPANY link " + companyId + " -> QBO customer " + qboCustomerId
                    + " NOT recorded, link clash: " + clash;
        }
    }

    static EchoDecision decide(OwnCommand command, EventPayload payload) {
        if (!command.isUpsertCompany() || !(payload instanceof CompanyChanged company)) {
            return new Suppress(causedBy(command.commandId()));
        }
        String companyId = company.entity().id();
        if (command.companyId() != null && !command.companyId().equals(companyId)) {
            // the command named another company: linking this one to its customer would be wrong
            return new Suppress(causedBy(command.commandId()) + "; command was for company " + command.companyId()
                    + ", not " + companyId + ", so no link recorded");
        }
        return new SuppressAndLink(command.commandId(), companyId, command.qboCustomerId());
    }

    private static String causedBy(String commandId) {
        return "caused by our command " + commandId;
    }
}
