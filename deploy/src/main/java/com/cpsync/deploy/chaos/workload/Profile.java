package com.cpsync.deploy.chaos.workload;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.cpsync.deploy.chaos.workload.Profile.Rule.COMPANIES_WHEN_CREATED;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.COMPANIES_WITH_FIRST_CHILD;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.INBOUND_CHANGES;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.INBOUND_DELETES;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.INBOUND_NEW;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.INVOICES_WHEN_SENT;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.PROJECTS;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.PROJECT_CHANGES;
import static com.cpsync.deploy.chaos.workload.Profile.Rule.TICKETS_AND_INVOICES_WHEN_CREATED;

/**
 * The sync settings a chaos tenant runs with. Three profiles cover the settings that change what
 * must happen (create triggers, change flags, line modes, both directions); tenant {@code i} gets
 * profile {@code i mod 3}, so every run with three or more tenants has each.
 */
public enum Profile {

    /** Everything on: companies, projects, tickets (when invoiced) and invoices out; all of QBO in. */
    FULL(EnumSet.of(COMPANIES_WHEN_CREATED, PROJECTS, PROJECT_CHANGES, TICKETS_AND_INVOICES_WHEN_CREATED, INBOUND_NEW,
            INBOUND_CHANGES, INBOUND_DELETES)),
    /** Companies with their first project or ticket, invoices when sent, single line; QBO "get new" only. */
    LAZY(EnumSet.of(COMPANIES_WITH_FIRST_CHILD, PROJECTS, INVOICES_WHEN_SENT, INBOUND_NEW)),
    /** Companies out, nothing else either way. */
    COMPANIES_ONLY(EnumSet.of(COMPANIES_WHEN_CREATED));

    /** What a profile's settings make happen, one rule each. */
    public enum Rule {
        /** Companies go out on CompanyCreated (FULL and COMPANIES_ONLY). */
        COMPANIES_WHEN_CREATED,
        /** Companies come in with their first project, ticket or sent invoice (WHEN_FIRST_PROJECT_OR_TICKET_SENT). */
        COMPANIES_WITH_FIRST_CHILD,
        PROJECTS,
        PROJECT_CHANGES,
        /** Tickets WHEN_INVOICED with changes, invoices WHEN_CREATED with changes, MULTI_LINE, billed to the ticket. */
        TICKETS_AND_INVOICES_WHEN_CREATED,
        /** Invoices WHEN_SENT without changes, SINGLE_LINE, billed to the company. */
        INVOICES_WHEN_SENT,
        INBOUND_NEW,
        INBOUND_CHANGES,
        INBOUND_DELETES
    }

    private final Set<Rule> rules;

    Profile(Set<Rule> rules) {
        this.rules = rules;
    }

    public static Profile forTenant(int tenantIndex) {
        return values()[tenantIndex % values().length];
    }

    public boolean has(Rule rule) {
        return rules.contains(rule);
    }

    /** The settings as the stand-in's {@code PUT /tenants/{t}/settings} takes them (DESIGN.md §4 names). */
    public Map<String, Object> settings() {
        boolean ticketsAndInvoices = has(TICKETS_AND_INVOICES_WHEN_CREATED);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("companiesToQbo", has(COMPANIES_WHEN_CREATED) ? "WHEN_CREATED" : "WHEN_FIRST_PROJECT_OR_TICKET_SENT");
        settings.put("nameConflictPolicy", "SUFFIX");
        settings.put("projectsToQbo", has(PROJECTS) ? "WHEN_CREATED" : "NO");
        settings.put("sendProjectChanges", has(PROJECT_CHANGES));
        settings.put("serviceTicketsToQbo", ticketsAndInvoices ? "WHEN_INVOICED" : "NO");
        settings.put("sendServiceTicketChanges", ticketsAndInvoices);
        settings.put("serviceInvoicesToQbo", ticketsAndInvoices ? "WHEN_CREATED" : has(INVOICES_WHEN_SENT) ? "WHEN_SENT" : "NEVER");
        settings.put("sendServiceInvoiceChanges", ticketsAndInvoices);
        settings.put("invoiceLineMode", ticketsAndInvoices ? "MULTI_LINE" : "SINGLE_LINE");
        settings.put("getNewCompaniesFromQbo", has(INBOUND_NEW));
        settings.put("getCompanyChangesFromQbo", has(INBOUND_CHANGES));
        settings.put("getNewProjectInvoices", has(INBOUND_NEW));
        settings.put("getProjectInvoiceChanges", has(INBOUND_CHANGES));
        settings.put("deleteProjectInvoicesDeletedInQbo", has(INBOUND_DELETES));
        settings.put("getNewPayments", has(INBOUND_NEW));
        settings.put("getPaymentChanges", has(INBOUND_CHANGES));
        settings.put("deletePaymentsDeletedInQbo", has(INBOUND_DELETES));
        return settings;
    }
}
