package com.cpsync.outbound.adapter.in.kafka;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.CenterpointEntity;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.centerpoint.InvoiceLine;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceInvoice;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.EventPayload.InvoiceChanged;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.events.EventPayload.TicketChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.ProjectCreated;
import com.cpsync.schemas.avro.ProjectInvoiced;
import com.cpsync.schemas.avro.ProjectUpdated;
import com.cpsync.schemas.avro.ServiceInvoiceCreated;
import com.cpsync.schemas.avro.ServiceInvoiceSent;
import com.cpsync.schemas.avro.ServiceInvoiceUpdated;
import com.cpsync.schemas.avro.ServiceTicketCreated;
import com.cpsync.schemas.avro.ServiceTicketUpdated;
import com.cpsync.syncsupport.deadletter.InvalidMessageException;

/**
 * Avro {@link CenterpointEvent} ↔ domain. A payload or value it cannot map (unknown type, bad money)
 * is an {@link InvalidMessageException}, dead-lettered. The *Updated payloads double as the state
 * records of our entity-state topic.
 */
public final class CenterpointEventAvroMapper {

    /** Each payload type the events topic carries (generated Avro classes, so the exact class is the key). */
    private static final Map<Class<?>, Function<Object, EventPayload>> PAYLOADS = Map.ofEntries(
            on(CompanyCreated.class, e -> new CompanyChanged(CompanyChanged.Kind.CREATED, company(e.getCompany()))),
            on(CompanyUpdated.class, e -> new CompanyChanged(CompanyChanged.Kind.UPDATED, company(e.getCompany()))),
            on(ProjectCreated.class, e -> new ProjectChanged(ProjectChanged.Kind.CREATED, project(e.getProject()))),
            on(ProjectUpdated.class, e -> new ProjectChanged(ProjectChanged.Kind.UPDATED, project(e.getProject()))),
            on(ProjectInvoiced.class, e -> new ProjectChanged(ProjectChanged.Kind.INVOICED, project(e.getProject()))),
            on(ServiceTicketCreated.class, e -> new TicketChanged(TicketChanged.Kind.CREATED, ticket(e.getTicket()))),
            on(ServiceTicketUpdated.class, e -> new TicketChanged(TicketChanged.Kind.UPDATED, ticket(e.getTicket()))),
            on(ServiceInvoiceCreated.class,
                    e -> new InvoiceChanged(InvoiceChanged.Kind.CREATED, invoice(e.getInvoice()))),
            on(ServiceInvoiceUpdated.class,
                    e -> new InvoiceChanged(InvoiceChanged.Kind.UPDATED, invoice(e.getInvoice()))),
            on(ServiceInvoiceSent.class, e -> new InvoiceChanged(InvoiceChanged.Kind.SENT, invoice(e.getInvoice()))));

    private CenterpointEventAvroMapper() {
    }

    public static OutboundEvent toDomain(CenterpointEvent avro) {
        return new OutboundEvent(avro.getEventId(), avro.getTenantId(), avro.getOccurredAt(), avro.getCausationId(),
                payload(avro.getPayload()));
    }

    /** The domain entity inside a payload (for the entity-state topic). */
    public static CenterpointEntity entityOf(Object payload) {
        return payload(payload).entity();
    }

    /** A state payload (the *Updated record) for a domain entity. */
    public static Object stateOf(Object entity) {
        if (entity instanceof Company company) {
            return new CompanyUpdated(toAvro(company));
        }
        if (entity instanceof Project project) {
            return new ProjectUpdated(new com.cpsync.schemas.avro.Project(project.id(), project.companyId(),
                    project.name(), toAvro(project.address())));
        }
        if (entity instanceof ServiceTicket ticket) {
            return new ServiceTicketUpdated(new com.cpsync.schemas.avro.ServiceTicket(ticket.id(), ticket.companyId(),
                    ticket.number(), ticket.summary(), toAvro(ticket.address())));
        }
        ServiceInvoice invoice = (ServiceInvoice) entity;
        return new ServiceInvoiceUpdated(new com.cpsync.schemas.avro.ServiceInvoice(invoice.id(), invoice.companyId(),
                invoice.ticketId(), invoice.number(), invoice.issueDate(), invoice.dueDate(),
                invoice.lines().stream().map(l -> new com.cpsync.schemas.avro.InvoiceLine(l.description(),
                        l.quantity().toPlainString(), l.unitPrice().toPlainString(), l.amount().toPlainString()))
                        .toList(),
                invoice.total().toPlainString()));
    }

    static EventPayload payload(Object payload) {
        Function<Object, EventPayload> toDomain = payload == null ? null : PAYLOADS.get(payload.getClass());
        if (toDomain == null) {
            throw new InvalidMessageException("unknown Centerpoint event payload "
                    + (payload == null ? "null" : payload.getClass().getSimpleName()));
        }
        return toDomain.apply(payload);
    }

    private static <T> Map.Entry<Class<?>, Function<Object, EventPayload>> on(Class<T> type,
            Function<T, EventPayload> toDomain) {
        return Map.entry(type, payload -> toDomain.apply(type.cast(payload)));
    }

    private static Company company(com.cpsync.schemas.avro.Company c) {
        return new Company(c.getId(), c.getName(), c.getEmail(), c.getPhone(), address(c.getBillingAddress()));
    }

    private static Project project(com.cpsync.schemas.avro.Project p) {
        return new Project(p.getId(), p.getCompanyId(), p.getName(), address(p.getAddress()));
    }

    private static ServiceTicket ticket(com.cpsync.schemas.avro.ServiceTicket t) {
        return new ServiceTicket(t.getId(), t.getCompanyId(), t.getNumber(), t.getSummary(), address(t.getAddress()));
    }

    private static ServiceInvoice invoice(com.cpsync.schemas.avro.ServiceInvoice i) {
        List<InvoiceLine> lines = i.getLines().stream().map(l -> new InvoiceLine(l.getDescription(),
                money(l.getQuantity()), money(l.getUnitPrice()), money(l.getAmount()))).toList();
        return new ServiceInvoice(i.getId(), i.getCompanyId(), i.getTicketId(), i.getNumber(), i.getIssueDate(),
                i.getDueDate(), lines, money(i.getTotal()));
    }

    private static BigDecimal money(String value) {
        try {
            return new BigDecimal(value.trim());
        }
        catch (RuntimeException ex) {
            throw new InvalidMessageException("not a decimal number: '" + value + "'");
        }
    }

    private static Address address(com.cpsync.schemas.avro.Address a) {
        return a == null ? null : new Address(a.getLine1(), a.getLine2(), a.getCity(), a.getRegion(),
                a.getPostalCode(), a.getCountry());
    }

    private static com.cpsync.schemas.avro.Address toAvro(Address a) {
        return a == null ? null : new com.cpsync.schemas.avro.Address(a.line1(), a.line2(), a.city(), a.region(),
                a.postalCode(), a.country());
    }

    private static com.cpsync.schemas.avro.Company toAvro(Company c) {
        return new com.cpsync.schemas.avro.Company(c.id(), c.name(), c.email(), c.phone(), toAvro(c.billingAddress()));
    }
}
