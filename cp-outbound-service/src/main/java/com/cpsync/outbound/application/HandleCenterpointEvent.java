package com.cpsync.outbound.application;

import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.OwnCommands;
import com.cpsync.outbound.application.port.SettingsLookup;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Action;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.CenterpointEntity;
import com.cpsync.outbound.domain.echoes.EchoDecision;
import com.cpsync.outbound.domain.echoes.OwnCommand;
import com.cpsync.outbound.domain.events.EventPayload;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.EventPayload.InvoiceChanged;
import com.cpsync.outbound.domain.events.EventPayload.ProjectChanged;
import com.cpsync.outbound.domain.events.EventPayload.TicketChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.events.StateSource;
import com.cpsync.outbound.domain.jobs.JobDecision;
import com.cpsync.outbound.domain.jobs.ProjectSyncPolicy;
import com.cpsync.outbound.domain.jobs.ProjectTrigger;
import com.cpsync.outbound.domain.jobs.TicketSyncPolicy;
import com.cpsync.outbound.domain.jobs.TicketTrigger;
import com.cpsync.outbound.domain.resolutions.GivenDecision;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.outbound.domain.settings.OutboundSettings.CompanyCreation;
import com.cpsync.syncsupport.mapping.LinkClash;

/**
 * One consumed Centerpoint event, start to end: skip a completed event id or an event no newer than the one its
 * entity's remembered state came from, suppress echoes of our own
 * commands (recording the COMPANY link an UpsertCompany echo reveals), apply the tenant's settings, sync
 * the entity (parents first; a link clash is a CONFLICT), remember its state.
 * Throws {@code TenantMustWait} when QBO or mapping-service say "later" (nothing is remembered then).
 */
public class HandleCenterpointEvent {

    private static final Logger log = LoggerFactory.getLogger(HandleCenterpointEvent.class);
    private static final int COMPLETED_IDS_KEPT = 100_000;

    private final SettingsLookup settings;
    private final OwnCommands ownCommands;
    private final MappingGateway mapping;
    private final EntityStateStore state;
    /** What the syncs publish through, asked whether an event ended FAILED. */
    private final FailedEndings outcomes;
    private final SyncCompany companies;
    private final SyncJobs jobs;
    private final SyncInvoices invoices;
    /** Recently completed event ids (this instance); after a restart links and requestids absorb replays. */
    private final Set<String> completed = Recent.set(COMPLETED_IDS_KEPT);
    /** Events set aside for an unseen parent, so far without an outcome (this instance). */
    private final Set<String> waitedForParent = Recent.set(COMPLETED_IDS_KEPT);

    /** Builds the company, job and invoice syncs it runs, all publishing to {@code published}. */
    public HandleCenterpointEvent(SettingsLookup settings, OwnCommands ownCommands, TenantQbo qbo,
            MappingGateway mapping, EntityStateStore state, OutcomePublisher published) {
        this.settings = settings;
        this.ownCommands = ownCommands;
        this.mapping = mapping;
        this.state = state;
        this.outcomes = new FailedEndings(published);
        this.companies = new SyncCompany(qbo, mapping, state, outcomes);
        this.jobs = new SyncJobs(qbo, mapping, state, outcomes, companies);
        this.invoices = new SyncInvoices(qbo, mapping, state, outcomes, companies, jobs);
    }

    /** Handles the event; returns the key of an unseen parent it must wait for, else empty. */
    public Optional<String> handle(OutboundEvent event) {
        if (completed.contains(event.eventId())) {
            return Optional.empty();
        }
        EventPayload payload = event.payload();
        if (superseded(event, payload)) {
            if (waitedForParent.remove(event.eventId())) {
                // never handled to an end before: this is its one outcome
                outcomes.publish(SyncOutcomeRecord.of(event.tenantId(), event.eventId(), kindOf(payload),
                        payload.entityId(), Result.SYNCED, "not sent: a newer event of this record was handled while "
                                + "this one waited for its parent"));
            }
            completed.add(event.eventId());
            return Optional.empty();
        }
        Optional<OwnCommand> command = event.causationId() == null ? Optional.empty()
                : ownCommands.find(event.tenantId(), event.causationId());
        if (command.isPresent()) {
            outcomes.publish(suppressEcho(event, payload, EchoDecision.decide(command.get(), payload)));
        }
        else {
            Optional<String> waitsFor = syncOrHoldClash(event, payload);
            if (waitsFor.isPresent()) {
                waitedForParent.add(event.eventId());
                return waitsFor;
            }
        }
        rememberState(event, payload);
        completed.add(event.eventId());
        return Optional.empty();
    }

    /**
     * Re-runs a held entity's sync with a person's decision instead of asking (see {@link ResolveConflict}):
     * {@code event} carries the entity's latest state and the resolution's id as its event id. Only the held
     * entity takes the given decision; its parents sync as usual. Returns the key of an unseen parent it would
     * need, else empty.
     */
    public Optional<String> resolve(OutboundEvent event, GivenDecision given) {
        EventPayload payload = event.payload();
        Optional<String> waitsFor = Optional.empty();
        try {
            OutboundSettings tenantSettings = settings.forTenant(event.tenantId());
            if (payload instanceof CompanyChanged company) {
                companies.resolve(event, company.entity(), tenantSettings, given);
            }
            else if (payload instanceof ProjectChanged project) {
                waitsFor = unseen(jobs.resolve(event, SyncJobs.Job.of(project.entity()), tenantSettings, given));
            }
            else {
                waitsFor = unseen(jobs.resolve(event, SyncJobs.Job.of(((TicketChanged) payload).entity()),
                        tenantSettings, given));
            }
        }
        catch (LinkClash clash) {
            outcomes.publish(SyncOutcomeRecord.of(event.tenantId(), event.eventId(), kindOf(payload),
                    payload.entityId(), Result.CONFLICT, clash.getMessage() + " (" + given.resolution().label() + ")"));
        }
        return waitsFor;
    }

    private static Optional<String> unseen(ParentResult result) {
        return result instanceof ParentResult.Unseen unseen ? Optional.of(unseen.parentKey()) : Optional.empty();
    }

    /** The echo's outcome, after recording the COMPANY link it reveals (a mapping-service outage parks the tenant). */
    private SyncOutcomeRecord suppressEcho(OutboundEvent event, EventPayload payload, EchoDecision decision) {
        if (decision instanceof EchoDecision.SuppressAndLink link) {
            try {
                mapping.putLink(event.tenantId(), EntityKind.COMPANY, link.companyId(), link.qboCustomerId());
                return new SyncOutcomeRecord(event.tenantId(), null, event.eventId(), EntityKind.COMPANY,
                        link.companyId(), link.qboCustomerId(), Action.LINK, Result.ECHO_SUPPRESSED, link.reason(),
                        null);
            }
            catch (LinkClash clash) {
                return SyncOutcomeRecord.of(event.tenantId(), event.eventId(), EntityKind.COMPANY, link.companyId(),
                        Result.ECHO_SUPPRESSED, link.clashReason(clash.getMessage()));
            }
        }
        return SyncOutcomeRecord.of(event.tenantId(), event.eventId(), kindOf(payload), payload.entityId(),
                Result.ECHO_SUPPRESSED, decision.reason());
    }

    /**
     * An event no newer than the one its entity's state came from was handled already (by this instance or another):
     * a copy from the waiting topic, or a record delivered again. Sent again, it would put an older state in QBO
     * behind the newer one; its own outcome was written when it was handled, so none is written now (unless it had
     * only waited for its parent so far: it gets its one outcome then).
     */
    private boolean superseded(OutboundEvent event, EventPayload payload) {
        Optional<StateSource> source = state.sourceOf(event.tenantId(), payload.entity().getClass(), payload.entityId());
        if (source.isEmpty() || !source.get().supersedes(event)) {
            return false;
        }
        log.info("Event {} of tenant {} ({}, read at {}) is no newer than the event its state came from (read at {}): "
                + "not sent again", event.eventId(), event.tenantId(), stateKey(payload), event.source(),
                source.get().position());
        return true;
    }

    /** A link clash (mapping-service 409) anywhere in the sync ends the event as a CONFLICT naming it. */
    private Optional<String> syncOrHoldClash(OutboundEvent event, EventPayload payload) {
        try {
            return sync(event, payload, settings.forTenant(event.tenantId()));
        }
        catch (LinkClash clash) {
            outcomes.publish(SyncOutcomeRecord.of(event.tenantId(), event.eventId(), kindOf(payload),
                    payload.entityId(), Result.CONFLICT, clash.getMessage()));
            return Optional.empty();
        }
    }

    /** The key under which children wait for this event's entity (see {@link ParentResult.Unseen}). */
    public static String stateKey(EventPayload payload) {
        return kindOf(payload) + ":" + payload.entityId();
    }

    private Optional<String> sync(OutboundEvent event, EventPayload payload, OutboundSettings tenantSettings) {
        if (payload instanceof CompanyChanged company) {
            companies.handle(event, company, tenantSettings);
            return Optional.empty();
        }
        if (payload instanceof InvoiceChanged invoice) {
            return invoices.handle(event, invoice, tenantSettings);
        }
        SyncJobs.Job job;
        JobDecision decision;
        boolean created;
        if (payload instanceof ProjectChanged project) {
            job = SyncJobs.Job.of(project.entity());
            created = project.kind() == ProjectChanged.Kind.CREATED;
            decision = ProjectSyncPolicy.decide(tenantSettings, ProjectTrigger.of(project.kind()),
                    isLinked(event, job));
        }
        else {
            TicketChanged ticket = (TicketChanged) payload;
            job = SyncJobs.Job.of(ticket.entity());
            created = ticket.kind() == TicketChanged.Kind.CREATED;
            TicketTrigger trigger = created ? TicketTrigger.TICKET_CREATED : TicketTrigger.TICKET_UPDATED;
            decision = TicketSyncPolicy.decide(tenantSettings, trigger, isLinked(event, job));
        }
        if (created && decision instanceof JobDecision.Skip
                && tenantSettings.companiesToQbo() == CompanyCreation.WHEN_FIRST_PROJECT_OR_TICKET_SENT) {
            // issue 2: the company's first project or ticket brings the company in, even when the job stays out
            ParentResult company = companies.ensureParent(event, job.companyId(), tenantSettings);
            if (company instanceof ParentResult.Unseen unseen) {
                return Optional.of(unseen.parentKey());
            }
        }
        return unseen(jobs.apply(event, job, decision, tenantSettings));
    }

    private boolean isLinked(OutboundEvent event, SyncJobs.Job job) {
        return jobs.isLinked(event.tenantId(), job);
    }

    public static EntityKind kindOf(EventPayload payload) {
        if (payload instanceof CompanyChanged) {
            return EntityKind.COMPANY;
        }
        if (payload instanceof ProjectChanged) {
            return EntityKind.PROJECT;
        }
        return payload instanceof TicketChanged ? EntityKind.SERVICE_TICKET : EntityKind.SERVICE_INVOICE;
    }

    /**
     * The entity's state, the base later events are compared with: not a state the event failed to send when an
     * older one is known (the next event then sends what this one could not). A first state is kept even so, as the
     * sign that the record was seen (its children wait for it).
     */
    private void rememberState(OutboundEvent event, EventPayload payload) {
        CenterpointEntity entity = payload.entity();
        if (outcomes.takeFailed(event.eventId(), payload.entityId())
                && state.find(event.tenantId(), entity.getClass(), payload.entityId()).isPresent()) {
            return;
        }
        state.save(event.tenantId(), payload.entityId(), entity, StateSource.of(event));
    }
}
