package com.cpsync.outbound.domain.echoes;

/**
 * A command qbo-inbound-service sent to Centerpoint, as far as echoes need it. For an UpsertCompany,
 * {@code qboCustomerId} is the QBO customer it came from and {@code companyId} the company it names
 * (null when it asks for a new company); both are null for every other command.
 */
public record OwnCommand(String commandId, String companyId, String qboCustomerId) {

    public static OwnCommand other(String commandId) {
        return new OwnCommand(commandId, null, null);
    }

    public static OwnCommand upsertCompany(String commandId, String companyId, String qboCustomerId) {
        return new OwnCommand(commandId, companyId, qboCustomerId);
    }

    public boolean isUpsertCompany() {
        return qboCustomerId != null;
    }
}
