package com.cpsync.inbound.domain.decision;

import java.time.LocalDate;
import java.util.List;

import com.cpsync.inbound.domain.qbo.Address;
import com.cpsync.inbound.domain.qbo.Line;

/** A command for Centerpoint to apply (the domain twin of the CenterpointCommand payloads). */
public sealed interface Command {

    record UpsertCompany(String companyId, String qboCustomerId, String name, String email, String phone,
            Address billingAddress) implements Command {
    }

    record UpsertProjectInvoice(String projectId, String qboInvoiceId, String docNumber, LocalDate txnDate,
            LocalDate dueDate, List<Line> lines, String total, String balance, boolean voided) implements Command {
    }

    record DeleteProjectInvoice(String projectId, String qboInvoiceId) implements Command {
    }

    enum InvoiceKind { SERVICE_INVOICE, PROJECT_INVOICE }

    record PaymentApplication(InvoiceKind invoiceKind, String centerpointInvoiceId, String qboInvoiceId,
            String projectId, String amount) {
    }

    record UpsertInvoicePayment(String qboPaymentId, LocalDate txnDate, String totalAmount, String paymentRefNum,
            List<PaymentApplication> applications, boolean voided) implements Command {
    }

    record DeleteInvoicePayment(String qboPaymentId) implements Command {
    }
}
