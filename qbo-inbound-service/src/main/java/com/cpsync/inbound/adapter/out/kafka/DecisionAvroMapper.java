package com.cpsync.inbound.adapter.out.kafka;

import java.time.Instant;
import java.util.List;

import com.cpsync.inbound.application.Emission;
import com.cpsync.inbound.domain.decision.Command;
import com.cpsync.inbound.domain.decision.Decision;
import com.cpsync.inbound.domain.decision.Decision.Synced;
import com.cpsync.schemas.avro.Address;
import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.InvoiceKind;
import com.cpsync.schemas.avro.InvoiceLine;
import com.cpsync.schemas.avro.PaymentApplication;
import com.cpsync.schemas.avro.SyncAction;
import com.cpsync.schemas.avro.SyncDirection;
import com.cpsync.schemas.avro.SyncEntityType;
import com.cpsync.schemas.avro.SyncResult;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;
import com.cpsync.syncsupport.outcome.Outcome;

/** Decisions → CenterpointCommand records and sync outcomes. */
public final class DecisionAvroMapper {

    private DecisionAvroMapper() {
    }

    /** The command of a {@link Synced} decision. */
    public static CenterpointCommand toCommand(Emission emission, Instant now) {
        if (!(emission.decision() instanceof Synced synced)) {
            throw new IllegalArgumentException("only a synced decision has a command: " + emission.decision());
        }
        return CenterpointCommand.newBuilder()
                .setCommandId(emission.commandId())
                .setTenantId(emission.tenantId())
                .setRealmId(emission.realmId())
                .setOccurredAt(now)
                .setCausationId(emission.causationId())
                .setPayload(payload(synced.command()))
                .build();
    }

    /** The decision's outcome (direction FROM_QBO), for the shared outcome publisher. */
    public static Outcome toOutcome(Emission emission) {
        Decision decision = emission.decision();
        return new Outcome(emission.tenantId(), emission.realmId(), emission.causationId(), SyncDirection.FROM_QBO,
                SyncEntityType.valueOf(decision.entity().name()), decision.centerpointId(), decision.qboId(),
                SyncAction.valueOf(decision.action().name()), SyncResult.valueOf(decision.result().name()),
                decision.reason(), null, emission.traceId());
    }

    private static Object payload(Command command) {
        if (command instanceof Command.UpsertCompany c) {
            return UpsertCompany.newBuilder().setCompanyId(c.companyId()).setQboCustomerId(c.qboCustomerId())
                    .setName(c.name()).setEmail(c.email()).setPhone(c.phone())
                    .setBillingAddress(address(c.billingAddress())).build();
        }
        if (command instanceof Command.UpsertProjectInvoice i) {
            List<InvoiceLine> lines = i.lines().stream().map(l -> InvoiceLine.newBuilder()
                    .setDescription(l.description()).setQuantity(l.quantity()).setUnitPrice(l.unitPrice())
                    .setAmount(l.amount()).build()).toList();
            return UpsertProjectInvoice.newBuilder().setProjectId(i.projectId()).setQboInvoiceId(i.qboInvoiceId())
                    .setDocNumber(i.docNumber()).setTxnDate(i.txnDate()).setDueDate(i.dueDate()).setLines(lines)
                    .setTotal(i.total()).setBalance(i.balance()).setVoided(i.voided()).build();
        }
        if (command instanceof Command.DeleteProjectInvoice d) {
            return DeleteProjectInvoice.newBuilder().setProjectId(d.projectId()).setQboInvoiceId(d.qboInvoiceId())
                    .build();
        }
        if (command instanceof Command.UpsertInvoicePayment p) {
            List<PaymentApplication> applications = p.applications().stream().map(a -> PaymentApplication
                    .newBuilder().setInvoiceKind(InvoiceKind.valueOf(a.invoiceKind().name()))
                    .setCenterpointInvoiceId(a.centerpointInvoiceId()).setQboInvoiceId(a.qboInvoiceId())
                    .setProjectId(a.projectId()).setAmount(a.amount()).build()).toList();
            return UpsertInvoicePayment.newBuilder().setQboPaymentId(p.qboPaymentId()).setTxnDate(p.txnDate())
                    .setTotalAmount(p.totalAmount()).setPaymentRefNum(p.paymentRefNum())
                    .setApplications(applications).setVoided(p.voided()).build();
        }
        Command.DeleteInvoicePayment d = (Command.DeleteInvoicePayment) command;
        return DeleteInvoicePayment.newBuilder().setQboPaymentId(d.qboPaymentId()).build();
    }

    private static Address address(com.cpsync.inbound.domain.qbo.Address a) {
        if (a == null) {
            return null;
        }
        return Address.newBuilder().setLine1(nonNull(a.line1())).setLine2(a.line2()).setCity(nonNull(a.city()))
                .setRegion(nonNull(a.region())).setPostalCode(nonNull(a.postalCode())).setCountry(nonNull(a.country()))
                .build();
    }

    /** Centerpoint's address fields are mandatory; QBO's are all optional. */
    private static String nonNull(String value) {
        return value == null ? "" : value;
    }
}
