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
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.companies.CompanySyncDecision;
import com.cpsync.outbound.domain.companies.CompanySyncPolicy;
import com.cpsync.outbound.domain.companies.CompanySyncPolicy.Trigger;
import com.cpsync.outbound.domain.companies.CustomerChanges;
import com.cpsync.outbound.domain.companies.CustomerFields;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.jobs.RequestIds;
import com.cpsync.outbound.domain.qbo.NameAdjustments;
import com.cpsync.outbound.domain.qbo.QboName;
import com.cpsync.outbound.domain.resolutions.GivenDecision;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.qbo.client.names.DisplayNames;
import com.cpsync.syncsupport.mapping.Candidate;
import com.cpsync.syncsupport.mapping.ConflictPolicy;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.mapping.NameList;

/**
 * Companies → QBO customers: settings, match before create, link/create/conflict, sparse changes. Match
 * before create is also what makes a create idempotent without QBO's requestid: a create whose answer
 * was lost is found by its name when the event comes again, and linked (mapping-service decides LINK).
 */
public record SyncCompany(TenantQbo qbo, MappingGateway mapping, EntityStateStore state, OutcomePublisher outcomes) {

    public void handle(OutboundEvent event, CompanyChanged change, OutboundSettings settings) {
        Company company = change.entity();
        Optional<String> link = mapping.findLink(event.tenantId(), EntityKind.COMPANY, company.id());
        Trigger trigger = change.kind() == CompanyChanged.Kind.CREATED ? Trigger.COMPANY_CREATED
                : Trigger.COMPANY_UPDATED;
        CompanySyncDecision decision = CompanySyncPolicy.decide(settings.companiesToQbo(), trigger, link.isPresent());
        if (decision instanceof CompanySyncDecision.Skip skip) {
            outcomes.publish(SyncOutcomeRecord.of(event.tenantId(), event.eventId(), EntityKind.COMPANY, company.id(),
                    Result.SKIPPED_BY_SETTINGS, skip.reason()));
        }
        else if (decision instanceof CompanySyncDecision.UpdateLinked) {
            updateLinked(event, company, link.get());
        }
        else {
            ensure(event, company, settings);
        }
    }

    /** The company's customer for a child event: linked, matched or created now, or why not. */
    public ParentResult ensureParent(OutboundEvent event, String companyId, OutboundSettings settings) {
        Optional<String> link = mapping.findLink(event.tenantId(), EntityKind.COMPANY, companyId);
        if (link.isPresent()) {
            return new ParentResult.InQbo(link.get());
        }
        CompanySyncDecision decision = CompanySyncPolicy.decide(settings.companiesToQbo(), Trigger.NEEDED_AS_PARENT,
                false);
        if (decision instanceof CompanySyncDecision.Skip skip) {
            return new ParentResult.Unavailable(Result.SKIPPED_BY_SETTINGS, skip.reason());
        }
        Optional<Company> company = state.find(event.tenantId(), Company.class, companyId);
        if (company.isEmpty()) {
            return new ParentResult.Unseen(EntityKind.COMPANY + ":" + companyId);
        }
        return ensure(event, company.get(), settings);
    }

    private ParentResult ensure(OutboundEvent event, Company company, OutboundSettings settings) {
        String tenantId = event.tenantId();
        Optional<String> link = mapping.findLink(tenantId, EntityKind.COMPANY, company.id());
        if (link.isPresent()) {
            publish(event, company, link.get(), Action.NONE, Result.SYNCED, "already linked", null);
            return new ParentResult.InQbo(link.get());
        }
        List<QboName> found = QboNames.like(qbo, tenantId, company.name()).stream()
                .filter(n -> DisplayNames.isNameOrSuffixed(n.displayName(), company.name(),
                        settings.nameConflictSuffix()))
                .toList();
        List<Candidate> candidates = found.stream().map(n -> new Candidate(NameList.valueOf(n.list()), n.id(),
                n.displayName(), n.active(), n.job())).toList();
        MatchDecision match = mapping.matchCustomer(tenantId, new MatchRequest(company.id(),
                DisplayNames.displayName(company.name()),
                ConflictPolicy.valueOf(settings.nameConflictPolicy().name()), settings.nameConflictSuffix(),
                candidates));
        try {
            if (match instanceof MatchDecision.Link matched) {
                return link(event, company, matched.qboId(), found, null);
            }
            if (match instanceof MatchDecision.Create create) {
                return create(event, company, create.displayName(), null);
            }
            String reason = ((MatchDecision.Conflict) match).reason();
            publish(event, company, null, Action.NONE, Result.CONFLICT, reason, null);
            return new ParentResult.Unavailable(Result.CONFLICT, "company conflict: " + reason);
        }
        catch (QboRefused ex) {
            publish(event, company, null, Action.CREATE, Result.FAILED, ex.getMessage(), ex.code());
            return new ParentResult.Unavailable(Result.FAILED, "company refused by QBO: " + ex.getMessage());
        }
    }

    /**
     * A held company, with a person's decision instead of mapping-service's match: link the chosen customer
     * (a link clash stays a CONFLICT), or create under the name plus the tenant's suffix whatever the policy.
     * Already linked meanwhile: nothing is written (so a repeated resolution creates nothing twice).
     */
    public void resolve(OutboundEvent event, Company company, OutboundSettings settings, GivenDecision given) {
        Optional<String> link = mapping.findLink(event.tenantId(), EntityKind.COMPANY, company.id());
        String by = given.resolution().label();
        if (link.isPresent()) {
            publish(event, company, link.get(), Action.NONE, Result.SYNCED, "already linked; " + by + " changed nothing",
                    null);
            return;
        }
        try {
            if (given instanceof GivenDecision.LinkTo linkTo) {
                link(event, company, linkTo.qboId(), List.of(), by);
            }
            else {
                create(event, company, DisplayNames.withSuffix(DisplayNames.displayName(company.name()),
                        settings.nameConflictSuffix()), by);
            }
        }
        catch (QboRefused ex) {
            publish(event, company, null, Action.CREATE, Result.FAILED, ex.getMessage() + " (" + by + ")", ex.code());
        }
    }

    /** @param decidedBy the resolution that chose it, else null (mapping-service matched it) */
    private ParentResult link(OutboundEvent event, Company company, String qboId, List<QboName> found,
            String decidedBy) {
        for (QboName name : found) {
            if (name.list().equals(QboWrite.CUSTOMER) && name.id().equals(qboId) && !name.active()) {
                qbo.update(event.tenantId(), new QboWrite.ReactivateCustomer(qboId, name.syncToken()));
            }
        }
        qbo.linkFound(event.tenantId(), EntityKind.COMPANY, company.id(), qboId);
        publish(event, company, qboId, Action.LINK, Result.SYNCED, Reasons.of("linked existing QBO customer",
                decidedBy == null ? List.of() : List.of("chosen by " + decidedBy)), null);
        return new ParentResult.InQbo(qboId);
    }

    private ParentResult create(OutboundEvent event, Company company, String displayName, String decidedBy) {
        QboWrite customer = new QboWrite.CreateCustomer(CustomerFields.of(company, displayName));
        String qboId = qbo.createAnnounced(event.tenantId(), EntityKind.COMPANY, company.id(), customer, displayName,
                null, RequestIds.forEvent(event.eventId(), "company:" + company.id()));
        publish(event, company, qboId, Action.CREATE, Result.SYNCED, Reasons.of(decidedBy == null ? null
                : "created with the suffix by " + decidedBy, NameAdjustments.of(company.name(), displayName)), null);
        return new ParentResult.InQbo(qboId);
    }

    private void updateLinked(OutboundEvent event, Company company, String qboId) {
        Company previous = event.resync() ? null : state.find(event.tenantId(), Company.class, company.id()).orElse(null);
        CustomerChanges changes = CustomerChanges.between(previous, company);
        if (changes.isEmpty()) {
            publish(event, company, qboId, Action.NONE, Result.SYNCED, "no customer field changed", null);
            return;
        }
        CustomerFields fields = CustomerFields.of(company);
        new SparseUpdates(qbo, outcomes).send(event, EntityKind.COMPANY, company.id(), QboWrite.CUSTOMER, qboId,
                token -> new QboWrite.UpdateCustomer(qboId, token, fields, changes), Reasons.of(null,
                        changes.name() ? NameAdjustments.of(company.name(), fields.displayName()) : List.of()));
    }

    private void publish(OutboundEvent event, Company company, String qboId, Action action, Result result,
            String reason, String code) {
        outcomes.publish(new SyncOutcomeRecord(event.tenantId(), null, event.eventId(), EntityKind.COMPANY,
                company.id(), qboId, action, result, reason, code));
    }
}
