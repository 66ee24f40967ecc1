package com.cpsync.standin.domain;

import java.util.Map;

/**
 * What a command from the sync asks Centerpoint to change. Invoices and payments are kept as the
 * documents Centerpoint shows (field name to JSON value): the stand-in stores and lists them, and
 * decides nothing on their contents.
 */
public sealed interface CommandEffect {

    /** Create or update a company; with no {@code companyId} it lands on the company linked to the QBO customer, if any. */
    record UpsertCompany(String companyId, String qboCustomerId, String name, String email, String phone,
            Address billingAddress) implements CommandEffect {

        Company as(String id) {
            return new Company(id, name, email, phone, billingAddress);
        }
    }

    record PutProjectInvoice(String projectId, String qboInvoiceId, Map<String, Object> invoice) implements CommandEffect {
    }

    record RemoveProjectInvoice(String projectId, String qboInvoiceId) implements CommandEffect {
    }

    record PutPayment(String qboPaymentId, Map<String, Object> payment) implements CommandEffect {
    }

    record RemovePayment(String qboPaymentId) implements CommandEffect {
    }
}
