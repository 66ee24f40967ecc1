package com.cpsync.deploy.chaos.audit;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * What Centerpoint received once the run settled (the stand-in's data and applied commands) and the
 * outcomes the services reported for each tenant.
 */
public record CenterpointSnapshot(Map<String, Books> tenants) {

    public Books tenant(String tenantId) {
        return tenants.getOrDefault(tenantId, new Books(List.of(), List.of(), List.of(), List.of(), List.of()));
    }

    public record Books(List<Company> companies, List<ProjectInvoice> projectInvoices, List<Payment> payments,
            List<Command> commands, List<Outcome> outcomes) {
    }

    public record Company(String id, String name, String email, String qboCustomerId) {
    }

    public record ProjectInvoice(String projectId, String qboInvoiceId, String docNumber, BigDecimal total,
            List<BigDecimal> lineAmounts) {
    }

    public record Payment(String qboPaymentId, String refNum, BigDecimal total, List<Application> applications) {
    }

    /** @param centerpointId the service invoice id, or the project id of a project invoice */
    public record Application(String kind, String centerpointId, String qboInvoiceId, BigDecimal amount) {
    }

    /**
     * An applied command.
     *
     * @param subjectQboId the QBO id it is about (customer, invoice or payment)
     * @param payload its payload as canonical JSON, to find two commands that say the same thing
     */
    public record Command(String commandId, String type, String subjectQboId, String payload) {
    }

    public record Outcome(String causationId, String direction, String entityType, String centerpointId, String qboId,
            String result, String reason) {

        public boolean isVisibleFailure() {
            return "FAILED".equals(result) || "CONFLICT".equals(result);
        }
    }
}
