package com.cpsync.outbound.application;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;

import com.cpsync.outbound.application.port.EntityKind;
import com.cpsync.outbound.application.port.EntityStateStore;
import com.cpsync.outbound.application.port.MappingGateway;
import com.cpsync.outbound.application.port.OutcomePublisher;
import com.cpsync.outbound.application.port.QboGateway.QboRefused;
import com.cpsync.outbound.application.port.SyncOutcomeRecord;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Action;
import com.cpsync.outbound.application.port.SyncOutcomeRecord.Result;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.outbound.domain.companies.CompanySyncDecision;
import com.cpsync.outbound.domain.companies.CompanySyncPolicy;
import com.cpsync.outbound.domain.companies.CompanySyncPolicy.Trigger;
import com.cpsync.outbound.domain.companies.CustomerPayloads;
import com.cpsync.outbound.domain.events.EventPayload.CompanyChanged;
import com.cpsync.outbound.domain.events.OutboundEvent;
import com.cpsync.outbound.domain.jobs.RequestIds;
import com.cpsync.outbound.domain.settings.OutboundSettings;
import com.cpsync.qbo.client.names.DisplayNames;
import com.cpsync.syncsupport.mapping.Candidate;
import com.cpsync.syncsupport.mapping.ConflictPolicy;
import com.cpsync.syncsupport.mapping.MatchDecision;
import com.cpsync.syncsupport.mapping.MatchRequest;
import com.cpsync.syncsupport.mapping.NameList;

/** Companies → QBO customers: settings, match before create, link/create/conflict, sparse changes. */
public class SyncCompany {


    private final TenantQbo qbo;
    private final MappingGateway mapping;
    private final EntityStateStore state;
    private final OutcomePublisher outcomes;

    public SyncCompany(TenantQbo qbo, MappingGateway mapping, EntityStateStore state, OutcomePublisher outcomes) {
        this.qbo = qbo;
        this.mapping = mapping;
        this.state = state;
        this.outcomes = outcomes;
    }

    public void handle(OutboundEvent event, CompanyChanged change, OutboundSettings settings) {
        Company company = change.company();
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
        List<JsonNode> found = new ArrayList<>();
        List<Candidate> candidates = new ArrayList<>();
        for (NameList list : NameList.values()) {
            for (JsonNode node : qbo.findNamesLike(tenantId, list.name(), DisplayNames.likePattern(company.name()))) {
                String name = node.path("DisplayName").asString();
                if (DisplayNames.isNameOrSuffixed(name, company.name(), settings.nameConflictSuffix())) {
                    found.add(node);
                    candidates.add(new Candidate(list, node.path("Id").asString(), name,
                            node.path("Active").asBoolean(true), node.path("Job").asBoolean(false)));
                }
            }
        }
        MatchDecision match = mapping.matchCustomer(tenantId, new MatchRequest(company.id(),
                DisplayNames.displayName(company.name()),
                ConflictPolicy.valueOf(settings.nameConflictPolicy().name()), settings.nameConflictSuffix(),
                candidates));
        try {
            if (match instanceof MatchDecision.Link matched) {
                return link(event, company, matched.qboId(), candidates, found);
            }
            if (match instanceof MatchDecision.Create create) {
                return create(event, company, create.displayName());
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

    private ParentResult link(OutboundEvent event, Company company, String qboId, List<Candidate> candidates,
            List<JsonNode> found) {
        for (int i = 0; i < candidates.size(); i++) {
            Candidate candidate = candidates.get(i);
            if (candidate.list() == NameList.Customer && candidate.id().equals(qboId) && !candidate.active()) {
                String token = found.get(i).path("SyncToken").asString();
                qbo.update(event.tenantId(), "Customer", CustomerPayloads.reactivate(qboId, token));
            }
        }
        mapping.putLink(event.tenantId(), EntityKind.COMPANY, company.id(), qboId);
        publish(event, company, qboId, Action.LINK, Result.SYNCED, "linked existing QBO customer", null);
        return new ParentResult.InQbo(qboId);
    }

    private ParentResult create(OutboundEvent event, Company company, String displayName) {
        JsonNode created = qbo.create(event.tenantId(), "Customer", CustomerPayloads.create(company, displayName),
                RequestIds.forEvent(event.eventId(), "company:" + company.id()));
        String qboId = created.path("Id").asString();
        mapping.putLink(event.tenantId(), EntityKind.COMPANY, company.id(), qboId);
        publish(event, company, qboId, Action.CREATE, Result.SYNCED, null, null);
        return new ParentResult.InQbo(qboId);
    }

    private void updateLinked(OutboundEvent event, Company company, String qboId) {
        Company previous = state.find(event.tenantId(), Company.class, company.id()).orElse(null);
        if (CustomerPayloads.sparseUpdate(qboId, "0", previous, company).isEmpty()) {
            publish(event, company, qboId, Action.NONE, Result.SYNCED, "no customer field changed", null);
            return;
        }
        try {
            qbo.updateWithCurrentToken(event.tenantId(), "Customer", qboId,
                    token -> CustomerPayloads.sparseUpdate(qboId, token, previous, company).orElseThrow());
            publish(event, company, qboId, Action.UPDATE, Result.SYNCED, null, null);
        }
        catch (QboRefused ex) {
            publish(event, company, qboId, Action.UPDATE, Result.FAILED, ex.getMessage(), ex.code());
        }
    }

    private void publish(OutboundEvent event, Company company, String qboId, Action action, Result result,
            String reason, String code) {
        outcomes.publish(new SyncOutcomeRecord(event.tenantId(), null, event.eventId(), EntityKind.COMPANY,
                company.id(), qboId, action, result, reason, code));
    }
}
