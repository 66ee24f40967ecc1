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

import com.cpsync.standin.domain.CommandEffect.PutPayment;
import com.cpsync.standin.domain.CommandEffect.PutProjectInvoice;
import com.cpsync.standin.domain.CommandEffect.RemovePayment;
import com.cpsync.standin.domain.CommandEffect.RemoveProjectInvoice;
import com.cpsync.standin.domain.CommandEffect.UpsertCompany;

/**
 * One tenant's Centerpoint data: companies, project invoices and payments, plus the commands and
 * sync outcomes it received. Applying a command is idempotent by command id (commands are
 * redelivered at least once); applying an UpsertCompany yields the event it causes, with the
 * command id as causation id, so the outbound side can recognise the echo.
 */
public final class TenantData {

    private final String tenantId;
    private final List<ReceivedCommand> commands = new ArrayList<>();
    private final Set<String> appliedCommandIds = new HashSet<>();
    private final Map<String, CompanyChanged> causedEvents = new HashMap<>();
    private final Map<String, StoredCompany> companies = new LinkedHashMap<>();
    private final Map<String, Map<String, Map<String, Object>>> invoicesByProject = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> payments = new LinkedHashMap<>();
    private final List<Map<String, Object>> outcomes = new ArrayList<>();

    TenantData(String tenantId) {
        this.tenantId = tenantId;
    }

    /** Remembers a company from an event Centerpoint published itself. */
    public synchronized void record(Company company) {
        StoredCompany known = companies.get(company.id());
        companies.put(company.id(), new StoredCompany(company, known == null ? null : known.qboCustomerId()));
    }

    /**
     * Applies a command once; a redelivered command id changes nothing but gives the same caused
     * event again, so an event whose publication failed is published on the retry (same event id).
     *
     * @return the event the change causes (company commands only)
     */
    public synchronized Optional<CompanyChanged> apply(ReceivedCommand command, Instant now) {
        if (!appliedCommandIds.add(command.commandId())) {
            return Optional.ofNullable(causedEvents.get(command.commandId()));
        }
        commands.add(command);
        CommandEffect effect = command.effect();
        if (effect instanceof UpsertCompany) {
            CompanyChanged event = upsertCompany(command.commandId(), (UpsertCompany) effect, now);
            causedEvents.put(command.commandId(), event);
            return Optional.of(event);
        }
        if (effect instanceof PutProjectInvoice) {
            PutProjectInvoice put = (PutProjectInvoice) effect;
            invoicesByProject.computeIfAbsent(put.projectId(), id -> new LinkedHashMap<>()).put(put.qboInvoiceId(), put.invoice());
        }
        else if (effect instanceof RemoveProjectInvoice) {
            RemoveProjectInvoice remove = (RemoveProjectInvoice) effect;
            invoicesByProject.getOrDefault(remove.projectId(), new LinkedHashMap<>()).remove(remove.qboInvoiceId());
        }
        else if (effect instanceof PutPayment) {
            payments.put(((PutPayment) effect).qboPaymentId(), ((PutPayment) effect).payment());
        }
        else if (effect instanceof RemovePayment) {
            payments.remove(((RemovePayment) effect).qboPaymentId());
        }
        return Optional.empty();
    }

    private CompanyChanged upsertCompany(String commandId, UpsertCompany upsert, Instant now) {
        String companyId = Optional.ofNullable(upsert.companyId())
                .or(() -> companyIdOfQboCustomer(upsert.qboCustomerId()))
                .orElseGet(() -> deterministicId("company", commandId));
        boolean isNew = !companies.containsKey(companyId);
        Company company = upsert.as(companyId);
        companies.put(companyId, new StoredCompany(company, upsert.qboCustomerId()));
        return new CompanyChanged(deterministicId("event", commandId), tenantId, now, commandId, company, isNew);
    }

    private Optional<String> companyIdOfQboCustomer(String qboCustomerId) {
        return companies.values().stream()
                .filter(stored -> qboCustomerId.equals(stored.qboCustomerId()))
                .map(stored -> stored.company().id())
                .findFirst();
    }

    /** Ids derived from the command id, so a replayed command log rebuilds the same data. */
    private static String deterministicId(String kind, String commandId) {
        return UUID.nameUUIDFromBytes((kind + ":" + commandId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Keeps a sync outcome as Centerpoint shows it. */
    public synchronized void recordOutcome(Map<String, Object> outcome) {
        outcomes.add(outcome);
    }

    public synchronized List<ReceivedCommand> commands() {
        return List.copyOf(commands);
    }

    public synchronized List<StoredCompany> companies() {
        return List.copyOf(companies.values());
    }

    public synchronized List<Map<String, Object>> projectInvoices(String projectId) {
        return List.copyOf(invoicesByProject.getOrDefault(projectId, Map.of()).values());
    }

    /** Every project's invoices. */
    public synchronized List<Map<String, Object>> projectInvoices() {
        List<Map<String, Object>> all = new ArrayList<>();
        invoicesByProject.values().forEach(invoices -> all.addAll(invoices.values()));
        return all;
    }

    public synchronized List<Map<String, Object>> payments() {
        return List.copyOf(payments.values());
    }

    public synchronized List<Map<String, Object>> outcomes() {
        return List.copyOf(outcomes);
    }
}
