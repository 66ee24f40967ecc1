package com.cpsync.outbound.application;

import java.util.ArrayList;
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
import com.cpsync.outbound.domain.jobs.JobNames;
import com.cpsync.outbound.domain.jobs.RequestIds;
import com.cpsync.outbound.domain.qbo.NameAdjustments;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.outbound.domain.resolutions.GivenDecision;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.NameConflictPolicy;
import com.cpsync.qbo.client.names.DisplayNames;

/** Projects and service tickets → QBO jobs (sub-customers of the company's customer), parents first. */
public record SyncJobs(TenantQbo qbo, MappingGateway mapping, EntityStateStore state, OutcomePublisher outcomes,
        SyncCompany companies) {

    /**
     * A job to sync: which entity, its company and what it carries to QBO; {@code wantedName} is its name
     * before QBO's rules, so an outcome can name what they changed.
     */
    public record Job(EntityKind kind, String id, String companyId, JobFields fields, Class<?> stateType,
            String wantedName) {

        /** How outcome reasons name it: "project p1", "service ticket t1". */
        public String label() {
            return (kind == EntityKind.PROJECT ? "project " : "service ticket ") + id;
        }

        public static Job of(Project project) {
            return new Job(EntityKind.PROJECT, project.id(), project.companyId(), JobFields.of(project),
                    Project.class, JobNames.wanted(project));
        }

        public static Job of(ServiceTicket ticket) {
            return new Job(EntityKind.SERVICE_TICKET, ticket.id(), ticket.companyId(), JobFields.of(ticket),
                    ServiceTicket.class, JobNames.wanted(ticket));
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

    /**
     * A held project or ticket, with a person's decision instead of the name-conflict policy: link the chosen
     * QBO job (a link clash stays a CONFLICT), or create it under its name plus the tenant's suffix (its company
     * first, as always). Already linked meanwhile: nothing is written, so a repeated resolution creates nothing.
     */
    public ParentResult resolve(OutboundEvent event, Job job, OutboundSettings settings, GivenDecision given) {
        Optional<String> link = mapping.findLink(event.tenantId(), job.kind(), job.id());
        String by = given.resolution().label();
        if (link.isPresent()) {
            publish(event, job, link.get(), Action.NONE, Result.SYNCED, "already linked; " + by + " changed nothing",
                    null);
            return new ParentResult.InQbo(link.get());
        }
        if (given instanceof GivenDecision.LinkTo linkTo) {
            qbo.linkFound(event.tenantId(), job.kind(), job.id(), linkTo.qboId());
            publish(event, job, linkTo.qboId(), Action.LINK, Result.SYNCED, "linked existing QBO job; chosen by " + by,
                    null);
            return new ParentResult.InQbo(linkTo.qboId());
        }
        ParentResult parent = companies.ensureParent(event, job.companyId(), settings);
        if (!(parent instanceof ParentResult.InQbo customer)) {
            if (parent instanceof ParentResult.Unavailable unavailable) {
                publish(event, job, null, Action.CREATE, unavailable.result(), unavailable.reason() + " (" + by + ")",
                        null);
            }
            return parent;
        }
        JobFields suffixed = job.fields().withDisplayName(DisplayNames.withSuffix(job.fields().displayName(),
                settings.nameConflictSuffix()));
        return createSuffixed(event, job, suffixed, customer.qboId(), job.kind() + ":" + job.id() + ":suffixed");
    }

    /**
     * Creates the job under the customer. QBO's 6240 on its name may mean an earlier attempt created it
     * and its answer was lost (requestid replay is not reliable): one lookup of the Customer list tells,
     * and our own job (same parent, same name, linked to no other project or ticket) is linked, never
     * suffixed or held. Otherwise the tenant's name-conflict policy applies (HOLD also names the holders).
     */
    private ParentResult create(OutboundEvent event, Job job, String customerId, OutboundSettings settings) {
        String purpose = job.kind() + ":" + job.id();
        String name = job.fields().displayName();
        try {
            return created(event, job, createJob(event, job, job.fields(), customerId, purpose), name);
        }
        catch (QboRefused ex) {
            if (!ex.duplicateName()) {
                return failed(event, job, ex);
            }
            List<QboName> customers = QboNames.customersLike(qbo, event.tenantId(), name);
            Optional<ParentResult> own = linkOwnJob(event, job, customerId, name, customers);
            if (own.isPresent()) {
                return own.get();
            }
            JobNameClashDecision clash = nameClash(event, job, settings, customers);
            if (clash instanceof JobNameClashDecision.Hold hold) {
                publish(event, job, null, Action.NONE, Result.CONFLICT, hold.reason(), ex.code());
                return new ParentResult.Unavailable(Result.CONFLICT, hold.reason());
            }
            JobFields suffixed = job.fields().withDisplayName(
                    ((JobNameClashDecision.CreateSuffixed) clash).displayName());
            return createSuffixed(event, job, suffixed, customerId, purpose + ":suffixed");
        }
    }

    private ParentResult createSuffixed(OutboundEvent event, Job job, JobFields suffixed, String customerId,
            String purpose) {
        try {
            return created(event, job, createJob(event, job, suffixed, customerId, purpose), suffixed.displayName());
        }
        catch (QboRefused ex) {
            if (ex.duplicateName()) {
                List<QboName> customers = QboNames.customersLike(qbo, event.tenantId(), suffixed.displayName());
                Optional<ParentResult> own = linkOwnJob(event, job, customerId, suffixed.displayName(), customers);
                if (own.isPresent()) {
                    return own.get();
                }
            }
            return failed(event, job, ex);
        }
    }

    /** Creates and links the job (announced, so a lost reply is not imported back as someone else's). */
    private String createJob(OutboundEvent event, Job job, JobFields fields, String customerId, String purpose) {
        return qbo.createAnnounced(event.tenantId(), job.kind(), job.id(), new QboWrite.CreateJob(fields, customerId),
                fields.displayName(), customerId, RequestIds.forEvent(event.eventId(), purpose));
    }

    /** Links the sub-customer that is this job, if QBO holds one no other project or ticket is linked to. */
    private Optional<ParentResult> linkOwnJob(OutboundEvent event, Job job, String customerId, String name,
            List<QboName> customers) {
        for (QboName candidate : JobNameClashPolicy.sameJobUnder(customerId, name, customers)) {
            if (linkedToAnotherJob(event.tenantId(), candidate.id(), job)) {
                continue;
            }
            qbo.linkFound(event.tenantId(), job.kind(), job.id(), candidate.id());
            publish(event, job, candidate.id(), Action.LINK, Result.SYNCED, Reasons.of(candidate.describe()
                    + " under customer " + customerId + " is this " + job.label() + " (an earlier attempt whose"
                    + " reply was lost, or made in QBO): linked, not created again",
                    NameAdjustments.of(job.wantedName(), name)), null);
            return Optional.of(new ParentResult.InQbo(candidate.id()));
        }
        return Optional.empty();
    }

    /** Linked to a project or ticket other than this job (qbo-inbound may have linked it to this very job). */
    private boolean linkedToAnotherJob(String tenantId, String qboId, Job job) {
        return linkedToOtherThan(tenantId, EntityKind.PROJECT, qboId, job)
                || linkedToOtherThan(tenantId, EntityKind.SERVICE_TICKET, qboId, job);
    }

    private boolean linkedToOtherThan(String tenantId, EntityKind kind, String qboId, Job job) {
        return mapping.findLinkByQboId(tenantId, kind, qboId)
                .filter(centerpointId -> !(kind == job.kind() && centerpointId.equals(job.id()))).isPresent();
    }

    private ParentResult created(OutboundEvent event, Job job, String qboId, String sentName) {
        publish(event, job, qboId, Action.CREATE, Result.SYNCED,
                Reasons.of(null, NameAdjustments.of(job.wantedName(), sentName)), null);
        return new ParentResult.InQbo(qboId);
    }

    private ParentResult failed(OutboundEvent event, Job job, QboRefused ex) {
        publish(event, job, null, Action.CREATE, Result.FAILED, ex.getMessage(), ex.code());
        return new ParentResult.Unavailable(Result.FAILED, ex.getMessage());
    }

    /**
     * The job's name is taken in QBO's one name space (6240) by someone else: suffix it or hold it, as for
     * customers. Only a hold names the holders, so SUFFIX spends no reads beyond the Customer list.
     */
    private JobNameClashDecision nameClash(OutboundEvent event, Job job, OutboundSettings settings,
            List<QboName> customers) {
        String name = job.fields().displayName();
        List<QboName> found = new ArrayList<>(customers);
        if (settings.nameConflictPolicy() == NameConflictPolicy.HOLD) {
            found.addAll(QboNames.othersLike(qbo, event.tenantId(), name));
        }
        return JobNameClashPolicy.decide(settings.nameConflictPolicy(), settings.nameConflictSuffix(), job.label(),
                name, found);
    }

    private ParentResult update(OutboundEvent event, Job job, String qboId) {
        Optional<?> previous = event.resync() ? Optional.empty() : state.find(event.tenantId(), job.stateType(), job.id());
        JobChanges changes = previous.map(p -> JobChanges.between(fieldsOf(p), job.fields()))
                .orElse(JobChanges.all()).sentWith(job.fields());
        if (changes.isEmpty()) {
            publish(event, job, qboId, Action.NONE, Result.SYNCED, "no job field changed", null);
            return new ParentResult.InQbo(qboId);
        }
        new SparseUpdates(qbo, outcomes).send(event, job.kind(), job.id(), QboWrite.CUSTOMER, qboId,
                token -> new QboWrite.UpdateJob(qboId, token, job.fields(), changes), Reasons.of(null,
                        changes.displayName() ? NameAdjustments.of(job.wantedName(), job.fields().displayName())
                                : List.of()));
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
