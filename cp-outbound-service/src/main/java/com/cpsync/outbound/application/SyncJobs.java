package com.cpsync.outbound.application;

import java.util.List;
import java.util.Optional;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.QboGateway.QboRefused;
import com.cpsync.outbound.application.port.QboWrite;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Action;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.Project;
import com.cpsync.outbound.domain.centerpoint.ServiceTicket;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.jobs.JobChanges;
import com.cpsync.outbound.domain.jobs.JobDecision;
import com.cpsync.outbound.domain.jobs.JobFields;
import com.cpsync.outbound.domain.jobs.JobNameClashDecision;
import com.cpsync.outbound.domain.jobs.JobNameClashPolicy;
import com.cpsync.outbound.domain.jobs.RequestIds;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;

/** Projects and service tickets → QBO jobs (sub-customers of the company's customer), parents first. */
public class SyncJobs {

    private final TenantQbo qbo;
    private final MappingGateway mapping;
    private final EntityStateStore state;
    private final OutcomePublisher outcomes;
    private final SyncCompany companies;

    public SyncJobs(TenantQbo qbo, MappingGateway mapping, EntityStateStore state, OutcomePublisher outcomes,
            SyncCompany companies) {
        this.qbo = qbo;
        this.mapping = mapping;
        this.state = state;
        this.outcomes = outcomes;
        this.companies = companies;
    }

    /** A job to sync: which entity, its company and what it carries to QBO. */
    public record Job(EntityKind kind, String id, String companyId, JobFields fields, Class<?> stateType) {

        /** How outcome reasons name it: "project p1", "service ticket t1". */
        public String label() {
            return (kind == EntityKind.PROJECT ? "project " : "service ticket ") + id;
        }

        public static Job of(Project project) {
            return new Job(EntityKind.PROJECT, project.id(), project.companyId(), JobFields.of(project),
                    Project.class);
        }

        public static Job of(ServiceTicket ticket) {
            return new Job(EntityKind.SERVICE_TICKET, ticket.id(), ticket.companyId(), JobFields.of(ticket),
                    ServiceTicket.class);
        }
    }

    public boolean isLinked(String tenantId, Job job) {
        return mapping.findLink(tenantId, job.kind(), job.id()).isPresent();
    }

    /** Applies a decision; returns the QBO id when the job is in QBO afterwards, or how it waits/fails. */
    public ParentResult apply(OutboundEvent event, Job job, JobDecision decision, OutboundSettings settings) {
        if (decision instanceof JobDecision.Skip skip) {
            publish(event, job, null, Action.NONE, Result.SKIPPED_BY_SETTINGS, skip.reason(), null);
            return new ParentResult.Unavailable(Result.SKIPPED_BY_SETTINGS, skip.reason());
        }
        Optional<String> link = mapping.findLink(event.tenantId(), job.kind(), job.id());
        if (decision instanceof JobDecision.AlreadySynced synced) {
            publish(event, job, link.orElse(null), Action.NONE, Result.SYNCED, synced.reason(), null);
            return new ParentResult.InQbo(link.orElseThrow());
        }
        if (decision instanceof JobDecision.Update) {
            return update(event, job, link.orElseThrow());
        }
        if (link.isPresent()) {
            // created by an earlier delivery of this or another event: never create twice
            return new ParentResult.InQbo(link.get());
        }
        ParentResult parent = companies.ensureParent(event, job.companyId(), settings);
        if (!(parent instanceof ParentResult.InQbo customer)) {
            if (parent instanceof ParentResult.Unavailable unavailable) {
                publish(event, job, null, Action.CREATE, unavailable.result(), unavailable.reason(), null);
            }
            return parent;
        }
        return create(event, job, customer.qboId(), settings);
    }

    private ParentResult create(OutboundEvent event, Job job, String customerId, OutboundSettings settings) {
        String purpose = job.kind() + ":" + job.id();
        try {
            return created(event, job, qbo.create(event.tenantId(), new QboWrite.CreateJob(job.fields(), customerId),
                    RequestIds.forEvent(event.eventId(), purpose)).id());
        }
        catch (QboRefused ex) {
            if (!ex.duplicateName()) {
                return failed(event, job, ex);
            }
            JobNameClashDecision clash = nameClash(event, job, settings);
            if (clash instanceof JobNameClashDecision.Hold hold) {
                publish(event, job, null, Action.NONE, Result.CONFLICT, hold.reason(), ex.code());
                return new ParentResult.Unavailable(Result.CONFLICT, hold.reason());
            }
            JobFields suffixed = job.fields().withDisplayName(
                    ((JobNameClashDecision.CreateSuffixed) clash).displayName());
            return createSuffixed(event, job, new QboWrite.CreateJob(suffixed, customerId), purpose + ":suffixed");
        }
    }

    private ParentResult createSuffixed(OutboundEvent event, Job job, QboWrite.CreateJob suffixed, String purpose) {
        try {
            return created(event, job, qbo.create(event.tenantId(), suffixed,
                    RequestIds.forEvent(event.eventId(), purpose)).id());
        }
        catch (QboRefused ex) {
            return failed(event, job, ex);
        }
    }

    private ParentResult created(OutboundEvent event, Job job, String qboId) {
        mapping.putLink(event.tenantId(), job.kind(), job.id(), qboId);
        publish(event, job, qboId, Action.CREATE, Result.SYNCED, null, null);
        return new ParentResult.InQbo(qboId);
    }

    private ParentResult failed(OutboundEvent event, Job job, QboRefused ex) {
        publish(event, job, null, Action.CREATE, Result.FAILED, ex.getMessage(), ex.code());
        return new ParentResult.Unavailable(Result.FAILED, ex.getMessage());
    }

    /** The job's name is taken in QBO's one name space (6240): suffix it or hold it, as for customers. */
    private JobNameClashDecision nameClash(OutboundEvent event, Job job, OutboundSettings settings) {
        String name = job.fields().displayName();
        // only a hold names the holders: SUFFIX goes on without spending metered reads
        List<QboName> found = settings.nameConflictPolicy() == NameConflictPolicy.HOLD
                ? QboNames.like(qbo, event.tenantId(), name) : List.of();
        return JobNameClashPolicy.decide(settings.nameConflictPolicy(), settings.nameConflictSuffix(), job.label(),
                name, found);
    }

    private ParentResult update(OutboundEvent event, Job job, String qboId) {
        Optional<?> previous = state.find(event.tenantId(), job.stateType(), job.id());
        JobChanges changes = previous.map(p -> JobChanges.between(fieldsOf(p), job.fields()))
                .orElse(JobChanges.all()).sentWith(job.fields());
        if (changes.isEmpty()) {
            publish(event, job, qboId, Action.NONE, Result.SYNCED, "no job field changed", null);
            return new ParentResult.InQbo(qboId);
        }
        try {
            qbo.updateWithCurrentToken(event.tenantId(), QboWrite.CUSTOMER, qboId,
                    token -> new QboWrite.UpdateJob(qboId, token, job.fields(), changes));
            publish(event, job, qboId, Action.UPDATE, Result.SYNCED, null, null);
        }
        catch (QboRefused ex) {
            publish(event, job, qboId, Action.UPDATE, Result.FAILED, ex.getMessage(), ex.code());
        }
        return new ParentResult.InQbo(qboId);
    }

    private static JobFields fieldsOf(Object previous) {
        return previous instanceof Project project ? JobFields.of(project) : JobFields.of((ServiceTicket) previous);
    }

    private void publish(OutboundEvent event, Job job, String qboId, Action action, Result result, String reason,
            String code) {
        outcomes.publish(new SyncOutcomeRecord(event.tenantId(), null, event.eventId(), job.kind(), job.id(), qboId,
                action, result, reason, code));
    }
}
