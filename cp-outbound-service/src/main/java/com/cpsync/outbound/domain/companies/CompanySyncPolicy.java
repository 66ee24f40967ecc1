package com.cpsync.outbound.domain.companies;

import com.cpsync.outbound.domain.settings.OutboundSettings.CompanyCreation;

/**
 * The companiesToQbo setting as a pure function. Company changes: a linked company's customer is
 * always kept in step (the seed has no "send company changes" switch); an unlinked company's change
 * follows the create setting, like a creation.
 */
public final class CompanySyncPolicy {

    public static final String WAITS_FOR_CHILD = "waits for first project or ticket";

    private CompanySyncPolicy() {
    }

    public enum Trigger { COMPANY_CREATED, COMPANY_UPDATED, NEEDED_AS_PARENT }

    public static CompanySyncDecision decide(CompanyCreation setting, Trigger trigger, boolean linked) {
        if (linked) {
            return trigger == Trigger.COMPANY_UPDATED ? new CompanySyncDecision.UpdateLinked()
                    : new CompanySyncDecision.Ensure();
        }
        switch (setting) {
            case WHEN_CREATED:
                return new CompanySyncDecision.Ensure();
            case WHEN_FIRST_PROJECT_OR_TICKET_SENT:
                return trigger == Trigger.NEEDED_AS_PARENT ? new CompanySyncDecision.Ensure()
                        : new CompanySyncDecision.Skip(WAITS_FOR_CHILD);
            default:
                return new CompanySyncDecision.Skip(trigger == Trigger.NEEDED_AS_PARENT
                        ? "company is not in QBO and companiesToQbo is NEVER"
                        : "companiesToQbo is NEVER");
        }
    }
}
