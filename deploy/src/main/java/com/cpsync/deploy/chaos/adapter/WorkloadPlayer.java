package com.cpsync.deploy.chaos.adapter;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.audit.PlayedStep;
import com.cpsync.deploy.chaos.workload.Company;
import com.cpsync.deploy.chaos.workload.InvoiceLine;
import com.cpsync.deploy.chaos.workload.PaidInvoice;
import com.cpsync.deploy.chaos.workload.Project;
import com.cpsync.deploy.chaos.workload.QboCustomer;
import com.cpsync.deploy.chaos.workload.QboInvoice;
import com.cpsync.deploy.chaos.workload.QboPayment;
import com.cpsync.deploy.chaos.workload.ServiceInvoice;
import com.cpsync.deploy.chaos.workload.Step;
import com.cpsync.deploy.chaos.workload.Ticket;
import com.cpsync.deploy.chaos.workload.Tokens;
import com.cpsync.deploy.chaos.workload.Workload;
import com.cpsync.deploy.demo.ExpectationNotMetException;
import com.cpsync.deploy.demo.JsonHttp;
import com.cpsync.deploy.demo.StandInApi;

/**
 * Plays one step: a Centerpoint event through the stand-in (posted again with the same event id until
 * the stand-in accepts it, e.g. while Kafka restarts), or a change a user makes in QBO (a project
 * invoice needs its project's sub-customer in QBO, a payment its invoice: it waits a while for them and
 * is not played when they do not come). Steps of one tenant are played in order, by the caller.
 */
public final class WorkloadPlayer {

    private static final Logger log = LoggerFactory.getLogger(WorkloadPlayer.class);
    private static final Duration POST_FOR_AT_MOST = Duration.ofSeconds(120);
    private static final Duration PREREQUISITE_WAIT = Duration.ofSeconds(30);

    private final Workload workload;
    private final StandInApi centerpoint;
    private final QboUserClient qbo;
    /** QBO ids of the records made in QBO, by tenant and token. */
    private final Map<String, String> qboIds = new ConcurrentHashMap<>();
    /** Tokens of the Centerpoint records, by tenant and id. */
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    public WorkloadPlayer(Workload workload, JsonHttp http, String standInUrl, String sandboxUrl) {
        this.workload = workload;
        this.centerpoint = new StandInApi(http, standInUrl);
        this.qbo = new QboUserClient(http, sandboxUrl);
        workload.steps().forEach(s -> tokens.putIfAbsent(s.tenantId() + "|" + s.record().id(), s.record().token()));
    }

    public PlayedStep play(Step step) {
        try {
            return step.kind().isCenterpointEvent() ? postEvent(step) : changeInQbo(step);
        }
        catch (ExpectationNotMetException ex) {
            log.warn("step {} ({} {}) not played: {}", step.index(), step.kind(), step.record().token(), ex.getMessage());
            return PlayedStep.notPlayed(step, ex.getMessage());
        }
    }

    private PlayedStep postEvent(Step step) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", step.kind().eventType());
        event.put("eventId", step.eventId());
        putPayload(event, step);
        Instant deadline = Instant.now().plus(POST_FOR_AT_MOST);
        String problem = "";
        while (Instant.now().isBefore(deadline)) {
            try {
                centerpoint.postEvent(step.tenantId(), event);
                return PlayedStep.played(step, null);
            }
            catch (ExpectationNotMetException ex) {
                problem = ex.getMessage();
                pause(Duration.ofSeconds(1));
            }
        }
        return PlayedStep.notPlayed(step, "the stand-in did not accept it within " + POST_FOR_AT_MOST.toSeconds() + " s: " + problem);
    }

    private PlayedStep changeInQbo(Step step) {
        String realm = workload.tenant(step.tenantId()).realmId();
        switch (step.kind()) {
            case QBO_CUSTOMER_CREATED:
                return created(step, qbo.createCustomer(realm, (QboCustomer) step.record()));
            case QBO_CUSTOMER_RENAMED:
                return changed(step, id -> qbo.renameCustomer(realm, id, (QboCustomer) step.record()));
            case QBO_INVOICE_CREATED: {
                QboInvoice invoice = (QboInvoice) step.record();
                Optional<JsonNode> job = waitFor(() -> projectJob(step, realm, invoice.projectId()));
                return job.isEmpty() ? PlayedStep.notPlayed(step, "project " + invoice.projectId() + " has no QBO sub-customer")
                        : created(step, qbo.createInvoice(realm, invoice, job.get().path("Id").asString()));
            }
            case QBO_INVOICE_CHANGED:
                return changed(step, id -> qbo.changeInvoice(realm, id, (QboInvoice) step.record()));
            case QBO_INVOICE_DELETED:
                return changed(step, id -> qbo.delete(realm, "invoice", id));
            case QBO_PAYMENT_CREATED:
                return createPayment(step, realm, (QboPayment) step.record());
            case QBO_PAYMENT_CHANGED: {
                QboPayment payment = (QboPayment) step.record();
                Optional<JsonNode> invoice = paidInvoice(step, realm, payment.invoice());
                return invoice.isEmpty() ? PlayedStep.notPlayed(step, "its invoice is not in QBO")
                        : changed(step, id -> qbo.changePayment(realm, id, payment, invoice.get().path("Id").asString()));
            }
            default:
                return changed(step, id -> qbo.delete(realm, "payment", id));
        }
    }

    private PlayedStep createPayment(Step step, String realm, QboPayment payment) {
        Optional<JsonNode> invoice = waitFor(() -> paidInvoice(step, realm, payment.invoice()));
        if (invoice.isEmpty()) {
            return PlayedStep.notPlayed(step, "invoice " + payment.invoice().invoiceId() + " is not in QBO");
        }
        return created(step, qbo.createPayment(realm, payment, invoice.get().path("Id").asString(),
                invoice.get().path("CustomerRef").path("value").asString()));
    }

    private PlayedStep created(Step step, String qboId) {
        qboIds.put(step.tenantId() + "|" + step.record().token(), qboId);
        return PlayedStep.played(step, qboId);
    }

    private PlayedStep changed(Step step, Consumer<String> change) {
        String qboId = qboIds.get(step.tenantId() + "|" + step.record().token());
        if (qboId == null) {
            return PlayedStep.notPlayed(step, step.record().token() + " was never made in QBO");
        }
        change.accept(qboId);
        return PlayedStep.played(step, qboId);
    }

    private Optional<JsonNode> projectJob(Step step, String realm, String projectId) {
        String token = tokens.getOrDefault(step.tenantId() + "|" + projectId, projectId);
        return qbo.find(realm, "customer", c -> c.path("Job").asBoolean(false)
                && Tokens.marks(c.path("DisplayName").asString(), token));
    }

    private Optional<JsonNode> paidInvoice(Step step, String realm, PaidInvoice paid) {
        if (!paid.serviceInvoice()) {
            String qboId = qboIds.get(step.tenantId() + "|" + paid.invoiceId());
            return qboId == null ? Optional.empty() : qbo.find(realm, "invoice", i -> qboId.equals(i.path("Id").asString()));
        }
        String number = tokens.getOrDefault(step.tenantId() + "|" + paid.invoiceId(), paid.invoiceId());
        return qbo.find(realm, "invoice", i -> number.equals(i.path("DocNumber").asString()));
    }

    private static Optional<JsonNode> waitFor(Supplier<Optional<JsonNode>> lookup) {
        Instant deadline = Instant.now().plus(PREREQUISITE_WAIT);
        while (true) {
            Optional<JsonNode> found = Optional.empty();
            try {
                found = lookup.get();
            }
            catch (ExpectationNotMetException ex) {
                log.debug("looking for a prerequisite failed, looking again: {}", ex.getMessage());
            }
            if (found.isPresent() || Instant.now().isAfter(deadline)) {
                return found;
            }
            pause(Duration.ofSeconds(1));
        }
    }

    /** The stand-in's event JSON: the record under its field, money and quantities as decimal strings. */
    private static void putPayload(Map<String, Object> event, Step step) {
        Object record = step.record();
        if (record instanceof Company) {
            Company c = (Company) record;
            event.put("company", Map.of("id", c.id(), "name", c.name(), "email", c.email()));
        }
        else if (record instanceof Project) {
            Project p = (Project) record;
            event.put("project", Map.of("id", p.id(), "companyId", p.companyId(), "name", p.name()));
        }
        else if (record instanceof Ticket) {
            Ticket t = (Ticket) record;
            event.put("ticket", Map.of("id", t.id(), "companyId", t.companyId(), "number", t.number(), "summary", t.summary()));
        }
        else {
            ServiceInvoice i = (ServiceInvoice) record;
            Map<String, Object> invoice = new LinkedHashMap<>();
            invoice.put("id", i.id());
            invoice.put("companyId", i.companyId());
            invoice.put("ticketId", i.ticketId());
            invoice.put("number", i.number());
            invoice.put("issueDate", i.issueDate().toString());
            invoice.put("dueDate", i.issueDate().plusDays(30).toString());
            invoice.put("lines", i.lines().stream().map(WorkloadPlayer::line).toList());
            invoice.put("total", i.total().toPlainString());
            event.put("invoice", invoice);
        }
    }

    private static Map<String, Object> line(InvoiceLine line) {
        return Map.of("description", line.description(), "quantity", line.quantity().toPlainString(),
                "unitPrice", line.unitPrice().toPlainString(), "amount", line.amount().toPlainString());
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ExpectationNotMetException("interrupted");
        }
    }
}
