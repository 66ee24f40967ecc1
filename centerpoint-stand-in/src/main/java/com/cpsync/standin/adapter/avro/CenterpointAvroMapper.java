package com.cpsync.standin.adapter.avro;

import java.util.Optional;

import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;
import com.cpsync.standin.domain.Address;
import com.cpsync.standin.domain.CommandEffect;
import com.cpsync.standin.domain.Company;
import com.cpsync.standin.domain.CompanyChanged;
import com.cpsync.standin.domain.ReceivedCommand;
import com.cpsync.standin.json.StandInJsonViews;

/** The stand-in's records to and from the Avro records of the topics. */
public final class CenterpointAvroMapper {

    private CenterpointAvroMapper() {
    }

    /** @throws IllegalArgumentException for a command type this stand-in does not know */
    public static ReceivedCommand toDomain(CenterpointCommand command) {
        return new ReceivedCommand(command.getCommandId(), command.getTenantId(), effectOf(command.getPayload()),
                StandInJsonViews.command(command));
    }

    private static CommandEffect effectOf(Object payload) {
        if (payload instanceof UpsertCompany) {
            UpsertCompany upsert = (UpsertCompany) payload;
            return new CommandEffect.UpsertCompany(upsert.getCompanyId(), upsert.getQboCustomerId(), upsert.getName(),
                    upsert.getEmail(), upsert.getPhone(), toDomain(upsert.getBillingAddress()));
        }
        if (payload instanceof UpsertProjectInvoice) {
            UpsertProjectInvoice invoice = (UpsertProjectInvoice) payload;
            return new CommandEffect.PutProjectInvoice(invoice.getProjectId(), invoice.getQboInvoiceId(),
                    StandInJsonViews.record(invoice));
        }
        if (payload instanceof DeleteProjectInvoice) {
            DeleteProjectInvoice delete = (DeleteProjectInvoice) payload;
            return new CommandEffect.RemoveProjectInvoice(delete.getProjectId(), delete.getQboInvoiceId());
        }
        if (payload instanceof UpsertInvoicePayment) {
            UpsertInvoicePayment payment = (UpsertInvoicePayment) payload;
            return new CommandEffect.PutPayment(payment.getQboPaymentId(), StandInJsonViews.record(payment));
        }
        if (payload instanceof DeleteInvoicePayment) {
            return new CommandEffect.RemovePayment(((DeleteInvoicePayment) payload).getQboPaymentId());
        }
        throw new IllegalArgumentException("unknown command payload " + payload.getClass().getSimpleName());
    }

    /** The company an event Centerpoint published carries, for CompanyCreated and CompanyUpdated. */
    public static Optional<Company> companyOf(CenterpointEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof CompanyCreated) {
            return Optional.of(toDomain(((CompanyCreated) payload).getCompany()));
        }
        if (payload instanceof CompanyUpdated) {
            return Optional.of(toDomain(((CompanyUpdated) payload).getCompany()));
        }
        return Optional.empty();
    }

    public static CenterpointEvent toAvro(CompanyChanged changed) {
        com.cpsync.schemas.avro.Company company = toAvro(changed.company());
        return CenterpointEvent.newBuilder()
                .setEventId(changed.eventId())
                .setTenantId(changed.tenantId())
                .setOccurredAt(changed.occurredAt())
                .setCausationId(changed.causationId())
                .setPayload(changed.created() ? new CompanyCreated(company) : new CompanyUpdated(company))
                .build();
    }

    public static com.cpsync.schemas.avro.Company toAvro(Company company) {
        return com.cpsync.schemas.avro.Company.newBuilder()
                .setId(company.id())
                .setName(company.name())
                .setEmail(company.email())
                .setPhone(company.phone())
                .setBillingAddress(toAvro(company.billingAddress()))
                .build();
    }

    static Company toDomain(com.cpsync.schemas.avro.Company company) {
        return new Company(company.getId(), company.getName(), company.getEmail(), company.getPhone(),
                toDomain(company.getBillingAddress()));
    }

    private static Address toDomain(com.cpsync.schemas.avro.Address address) {
        return address == null ? null : new Address(address.getLine1(), address.getLine2(), address.getCity(),
                address.getRegion(), address.getPostalCode(), address.getCountry());
    }

    private static com.cpsync.schemas.avro.Address toAvro(Address address) {
        return address == null ? null : new com.cpsync.schemas.avro.Address(address.line1(), address.line2(),
                address.city(), address.region(), address.postalCode(), address.country());
    }
}
