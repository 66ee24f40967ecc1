package com.cpsync.outbound.domain.jobs;

import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.qbo.client.names.DisplayNames;

/** QBO DisplayNames for jobs, cleaned and cut by the one QBO name rule ({@link DisplayNames}). */
public final class JobNames {

    private JobNames() {
    }

    /** The project's name; "Project &lt;id&gt;" when it has none. */
    public static String forProject(Project project) {
        return DisplayNames.displayName(wanted(project));
    }

    /** "Ticket &lt;number&gt; - &lt;summary&gt;", or "Ticket &lt;number&gt;" without a summary. */
    public static String forTicket(ServiceTicket ticket) {
        return DisplayNames.displayName(wanted(ticket));
    }

    /** The name the project would have in QBO without its rules (no cut, {@code :} kept): what an outcome compares. */
    public static String wanted(Project project) {
        return DisplayNames.clean(project.name()).isEmpty() ? "Project " + project.id() : project.name();
    }

    /** The ticket's name before QBO's rules, as {@link #wanted(Project)}. */
    public static String wanted(ServiceTicket ticket) {
        String label = "Ticket " + (DisplayNames.clean(ticket.number()).isEmpty() ? ticket.id() : ticket.number());
        return DisplayNames.clean(ticket.summary()).isEmpty() ? label : label + " - " + ticket.summary();
    }
}
