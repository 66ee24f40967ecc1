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
        String name = DisplayNames.displayName(project.name());
        return name.isEmpty() ? DisplayNames.displayName("Project " + project.id()) : name;
    }

    /** "Ticket &lt;number&gt; - &lt;summary&gt;", or "Ticket &lt;number&gt;" without a summary. */
    public static String forTicket(ServiceTicket ticket) {
        String number = DisplayNames.clean(ticket.number());
        String label = "Ticket " + (number.isEmpty() ? DisplayNames.clean(ticket.id()) : number);
        String summary = DisplayNames.clean(ticket.summary());
        return DisplayNames.displayName(summary.isEmpty() ? label : label + " - " + summary);
    }
}
