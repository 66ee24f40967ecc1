package com.cpsync.deploy.chaos.workload;

/** A Centerpoint service ticket; its number is its token (QBO job "Ticket &lt;number&gt; - &lt;summary&gt;"). */
public record Ticket(String id, String number, String companyId, String summary) implements SourceRecord {

    @Override
    public String token() {
        return number;
    }

    /** The sub-customer name cp-outbound gives a ticket. */
    public String jobName() {
        return summary == null || summary.isBlank() ? "Ticket " + number : "Ticket " + number + " - " + summary;
    }
}
