package com.cpsync.outbound.domain.jobs;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.qbo.client.names.DisplayNames;

/** What a job carries to QBO: its (sanitized) DisplayName and its address (null when absent). */
public record JobFields(String displayName, Address address) {

    public static JobFields of(Project project) {
        return new JobFields(JobNames.forProject(project), project.address());
    }

    public static JobFields of(ServiceTicket ticket) {
        return new JobFields(JobNames.forTicket(ticket), ticket.address());
    }

    /**
     * A ticket known only by the id an invoice names (its own event not seen yet): "Ticket &lt;id&gt;",
     * no address. A later TicketUpdated with "send ticket changes" on renames it.
     */
    public static JobFields forUnseenTicket(String ticketId) {
        return new JobFields(DisplayNames.displayName("Ticket " + ticketId), null);
    }

    /** The same job under another DisplayName, e.g. one suffixed after a name conflict (6240). */
    public JobFields withDisplayName(String name) {
        return new JobFields(DisplayNames.displayName(name), address);
    }
}
