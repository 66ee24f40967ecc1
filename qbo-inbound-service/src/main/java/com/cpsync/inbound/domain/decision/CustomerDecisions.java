package com.cpsync.inbound.domain.decision;

import com.cpsync.inbound.domain.decision.Command.UpsertCompany;
import com.cpsync.inbound.domain.decision.Decision.EchoSuppressed;
import com.cpsync.inbound.domain.decision.Decision.SkippedBySettings;
import com.cpsync.inbound.domain.decision.Decision.Synced;
import com.cpsync.inbound.domain.qbo.QboCustomer;

/**
 * QBO Customer → Centerpoint company. Only top-level customers are companies; a customer without a
 * COMPANY link is new, one with a link is a change of that company; our own write is an echo.
 */
public final class CustomerDecisions {

    private static final SyncedEntity COMPANY = SyncedEntity.COMPANY;

    private CustomerDecisions() {
    }

    /**
     * @param customer        the customer's current state, null when QBO no longer has it
     * @param linkedCompanyId the Centerpoint company linked to it, null when none
     * @param ourSyncToken    the SyncToken we recorded when we last wrote it, null when never
     */
    public static Decision decide(String qboId, QboCustomer customer, String linkedCompanyId, String ourSyncToken,
            InboundSettings settings) {
        if (customer == null) {
            return new SkippedBySettings(COMPANY, Action.NONE, linkedCompanyId, qboId,
                    "customer no longer exists in QBO (customers are deactivated, not deleted)");
        }
        if (customer.job()) {
            return new SkippedBySettings(COMPANY, Action.NONE, null, qboId,
                    "sub-customers and projects are not companies");
        }
        if (ourSyncToken != null && ourSyncToken.equals(customer.syncToken())) {
            return new EchoSuppressed(COMPANY, linkedCompanyId, qboId, customer.syncToken());
        }
        if (linkedCompanyId == null) {
            if (!settings.getNewCompaniesFromQbo()) {
                return new SkippedBySettings(COMPANY, Action.CREATE, null, qboId, "getNewCompaniesFromQbo is off");
            }
            return new Synced(COMPANY, Action.CREATE, null, qboId, upsert(null, customer));
        }
        if (!settings.getCompanyChangesFromQbo()) {
            return new SkippedBySettings(COMPANY, Action.UPDATE, linkedCompanyId, qboId,
                    "getCompanyChangesFromQbo is off");
        }
        return new Synced(COMPANY, Action.UPDATE, linkedCompanyId, qboId, upsert(linkedCompanyId, customer));
    }

    private static UpsertCompany upsert(String companyId, QboCustomer customer) {
        return new UpsertCompany(companyId, customer.id(), customer.displayName(), customer.email(), customer.phone(),
                customer.billingAddress());
    }
}
