package com.cpsync.standin.domain;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import com.cpsync.schemas.avro.CenterpointCommand;
import com.cpsync.schemas.avro.CenterpointEvent;
import com.cpsync.schemas.avro.Company;
import com.cpsync.schemas.avro.CompanyCreated;
import com.cpsync.schemas.avro.CompanyUpdated;
import com.cpsync.schemas.avro.DeleteInvoicePayment;
import com.cpsync.schemas.avro.DeleteProjectInvoice;
import com.cpsync.schemas.avro.UpsertCompany;
import com.cpsync.schemas.avro.UpsertInvoicePayment;
import com.cpsync.schemas.avro.UpsertProjectInvoice;
import com.cpsync.schemas.avro.SyncOutcome;

/**
 * One tenant's Centerpoint data: companies, project invoices and payments, plus the commands and
 * sync outcomes it received. Applying a command is idempotent by command id (commands are
 * redelivered at least once); applying an UpsertCompany yields the Centerpoint event it causes,
 * with the command id as causation id, so the outbound side can recognise the echo.
 */
public final class TenantData {

    private final String tenantId;
    private final List<CenterpointCommand> commands = new ArrayList<>();
    private final Set<String> appliedCommandIds = new HashSet<>();
    private final Map<String, CenterpointEvent> causedEvents = new HashMap<>();
    private final Map<String, StoredCompany> companies = new LinkedHashMap<>();
    private final Map<String, Map<String, UpsertProjectInvoice>> invoicesByProject = new LinkedHashMap<>();
    private final Map<String, UpsertInvoicePayment> payments = new LinkedHashMap<>();
    private final List<SyncOutcome> outcomes = new ArrayList<>();

    TenantData(String tenantId) {
        this.tenantId = tenantId;
    }

    /** Remembers the state carried by an event Centerpoint published itself. */
    public synchronized void record(CenterpointEvent event) {
        Object payload = event.getPayload();
        if (payload instanceof CompanyCreated) {
            keepCompany(((CompanyCreated) payload).getCompany());
        }
        else if (payload instanceof CompanyUpdated) {
            keepCompany(((CompanyUpdated) payload).getCompany());
        }
    }

    private void keepCompany(Company company) {
        StoredCompany known = companies.get(company.getId());
        companies.put(company.getId(), new StoredCompany(company, known == null ? null : known.qboCustomerId()));
    }

    /**
     * Applies a command once; a redelivered command id changes nothing but gives the same caused
     * event again, so an event whose publication failed is published on the retry (same event id).
     *
     * @return the Centerpoint event the change causes (company commands only)
     */
    public synchronized Optional<CenterpointEvent> apply(CenterpointCommand command, Instant now) {
        if (!appliedCommandIds.add(command.getCommandId())) {
            return Optional.ofNullable(causedEvents.get(command.getCommandId()));
        }
        commands.add(command);
        Object payload = command.getPayload();
        if (payload instanceof UpsertCompany) {
            CenterpointEvent event = upsertCompany(command, (UpsertCompany) payload, now);
            causedEvents.put(command.getCommandId(), event);
            return Optional.of(event);
        }
        if (payload instanceof UpsertProjectInvoice) {
            UpsertProjectInvoice invoice = (UpsertProjectInvoice) payload;
            invoicesByProject.computeIfAbsent(invoice.getProjectId(), id -> new LinkedHashMap<>())
                    .put(invoice.getQboInvoiceId(), invoice);
        }
        else if (payload instanceof DeleteProjectInvoice) {
            DeleteProjectInvoice delete = (DeleteProjectInvoice) payload;
            invoicesByProject.getOrDefault(delete.getProjectId(), new LinkedHashMap<>()).remove(delete.getQboInvoiceId());
        }
        else if (payload instanceof UpsertInvoicePayment) {
            UpsertInvoicePayment payment = (UpsertInvoicePayment) payload;
            payments.put(payment.getQboPaymentId(), payment);
        }
        else if (payload instanceof DeleteInvoicePayment) {
            payments.remove(((DeleteInvoicePayment) payload).getQboPaymentId());
        }
        return Optional.empty();
    }

    private CenterpointEvent upsertCompany(CenterpointCommand command, UpsertCompany upsert, Instant now) {
        String companyId = Optional.ofNullable(upsert.getCompanyId())
                .or(() -> companyIdOfQboCustomer(upsert.getQboCustomerId()))
                .orElseGet(() -> deterministicId("company", command.getCommandId()));
        boolean isNew = !companies.containsKey(companyId);
        Company company = Company.newBuilder()
                .setId(companyId)
                .setName(upsert.getName())
                .setEmail(upsert.getEmail())
                .setPhone(upsert.getPhone())
                .setBillingAddress(upsert.getBillingAddress())
                .build();
        companies.put(companyId, new StoredCompany(company, upsert.getQboCustomerId()));
        Object payload = isNew ? new CompanyCreated(company) : new CompanyUpdated(company);
        return CenterpointEvent.newBuilder()
                .setEventId(deterministicId("event", command.getCommandId()))
                .setTenantId(tenantId)
                .setOccurredAt(now)
                .setCausationId(command.getCommandId())
                .setPayload(payload)
                .build();
    }

    private Optional<String> companyIdOfQboCustomer(String qboCustomerId) {
        return companies.values().stream()
                .filter(stored -> qboCustomerId.equals(stored.qboCustomerId()))
                .map(stored -> stored.company().getId())
                .findFirst();
    }

    /** Ids derived from the command id, so a replayed command log rebuilds the same data. */
    private static String deterministicId(String kind, String commandId) {
        return UUID.nameUUIDFromBytes((kind + ":" + commandId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    public synchronized void record(SyncOutcome outcome) {
        outcomes.add(outcome);
    }

    public synchronized List<CenterpointCommand> commands() {
        return List.copyOf(commands);
    }

    public synchronized List<StoredCompany> companies() {
        return List.copyOf(companies.values());
    }

    public synchronized List<UpsertProjectInvoice> projectInvoices(String projectId) {
        return List.copyOf(invoicesByProject.getOrDefault(projectId, Map.of()).values());
    }

    public synchronized List<UpsertInvoicePayment> payments() {
        return List.copyOf(payments.values());
    }

    public synchronized List<SyncOutcome> outcomes() {
        return List.copyOf(outcomes);
    }
}
