package com.cpsync.deploy.chaos.workload;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The sync settings a chaos tenant runs with. Three profiles cover the settings that change what
 * must happen (create triggers, change flags, line modes, both directions); tenant {@code i} gets
 * profile {@code i mod 3}, so every run with three or more tenants has each.
 */
public enum Profile {

    /** Everything on: companies, projects, tickets (when invoiced) and invoices out; all of QBO in. */
    FULL(true, true, true, true, true, true, true),
    /** Companies with their first project or ticket, invoices when sent, single line; QBO "get new" only. */
    LAZY(false, true, false, false, true, false, false),
    /** Companies out, nothing else either way. */
    COMPANIES_ONLY(true, false, false, false, false, false, false);

    private final boolean companiesWhenCreated;
    private final boolean projects;
    private final boolean projectChanges;
    private final boolean ticketsAndInvoicesWhenCreated;
    private final boolean inboundNew;
    private final boolean inboundChanges;
    private final boolean inboundDeletes;

    Profile(boolean companiesWhenCreated, boolean projects, boolean projectChanges, boolean ticketsAndInvoicesWhenCreated,
            boolean inboundNew, boolean inboundChanges, boolean inboundDeletes) {
        this.companiesWhenCreated = companiesWhenCreated;
        this.projects = projects;
        this.projectChanges = projectChanges;
        this.ticketsAndInvoicesWhenCreated = ticketsAndInvoicesWhenCreated;
        this.inboundNew = inboundNew;
        this.inboundChanges = inboundChanges;
        this.inboundDeletes = inboundDeletes;
    }

    public static Profile forTenant(int tenantIndex) {
        return values()[tenantIndex % values().length];
    }

    /** FULL and COMPANIES_ONLY create on CompanyCreated; LAZY waits for the first project or ticket. */
    public boolean companiesWhenCreated() {
        return companiesWhenCreated;
    }

    /** Companies come in with their first project, ticket or sent invoice (WHEN_FIRST_PROJECT_OR_TICKET_SENT). */
    public boolean companiesWithFirstChild() {
        return this == LAZY;
    }

    public boolean projects() {
        return projects;
    }

    public boolean projectChanges() {
        return projectChanges;
    }

    /** FULL: tickets WHEN_INVOICED with changes, invoices WHEN_CREATED with changes, MULTI_LINE, billed to the ticket. */
    public boolean ticketsAndInvoicesWhenCreated() {
        return ticketsAndInvoicesWhenCreated;
    }

    /** LAZY: invoices WHEN_SENT without changes, SINGLE_LINE, billed to the company. */
    public boolean invoicesWhenSent() {
        return this == LAZY;
    }

    public boolean inboundNew() {
        return inboundNew;
    }

    public boolean inboundChanges() {
        return inboundChanges;
    }

    public boolean inboundDeletes() {
        return inboundDeletes;
    }

    /** The settings as the stand-in's {@code PUT /tenants/{t}/settings} takes them (DESIGN.md §4 names). */
    public Map<String, Object> settings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("companiesToQbo", companiesWhenCreated ? "WHEN_CREATED" : "WHEN_FIRST_PROJECT_OR_TICKET_SENT");
        settings.put("nameConflictPolicy", "SUFFIX");
        settings.put("projectsToQbo", projects ? "WHEN_CREATED" : "NO");
        settings.put("sendProjectChanges", projectChanges);
        settings.put("serviceTicketsToQbo", ticketsAndInvoicesWhenCreated ? "WHEN_INVOICED" : "NO");
        settings.put("sendServiceTicketChanges", ticketsAndInvoicesWhenCreated);
        settings.put("serviceInvoicesToQbo", ticketsAndInvoicesWhenCreated ? "WHEN_CREATED" : invoicesWhenSent() ? "WHEN_SENT" : "NEVER");
        settings.put("sendServiceInvoiceChanges", ticketsAndInvoicesWhenCreated);
        settings.put("invoiceLineMode", ticketsAndInvoicesWhenCreated ? "MULTI_LINE" : "SINGLE_LINE");
        settings.put("getNewCompaniesFromQbo", inboundNew);
        settings.put("getCompanyChangesFromQbo", inboundChanges);
        settings.put("getNewProjectInvoices", inboundNew);
        settings.put("getProjectInvoiceChanges", inboundChanges);
        settings.put("deleteProjectInvoicesDeletedInQbo", inboundDeletes);
        settings.put("getNewPayments", inboundNew);
        settings.put("getPaymentChanges", inboundChanges);
        settings.put("deletePaymentsDeletedInQbo", inboundDeletes);
        return settings;
    }
}
