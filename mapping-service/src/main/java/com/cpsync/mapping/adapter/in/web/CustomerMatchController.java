package com.cpsync.mapping.adapter.in.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.cpsync.mapping.application.ApiException;
import com.cpsync.mapping.application.CustomerMatching;
import com.cpsync.mapping.application.port.ConflictStore.CustomerConflict;
import com.cpsync.mapping.domain.matching.Candidate;
import com.cpsync.mapping.domain.matching.CandidateType;
import com.cpsync.mapping.domain.matching.MatchDecision;
import com.cpsync.mapping.domain.matching.NameConflictPolicy;
import reactor.core.publisher.Mono;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CustomerMatchController {

    private static final String DEFAULT_SUFFIX = " (customer)";

    record CandidateJson(String type, String id, String displayName, Boolean active, Boolean job) {
    }

    record MatchRequest(String centerpointId, String displayName, String policy, String suffix,
                        List<CandidateJson> candidates) {
    }

    record ConflictJson(String tenantId, String centerpointId, String displayName, String reason, String createdAt,
                        String updatedAt) {
        static ConflictJson of(CustomerConflict c) {
            return new ConflictJson(c.tenantId(), c.centerpointId(), c.displayName(), c.reason(),
                    c.createdAt().toString(), c.updatedAt().toString());
        }
    }

    private final CustomerMatching matching;

    CustomerMatchController(CustomerMatching matching) {
        this.matching = matching;
    }

    @PostMapping("/tenants/{tenantId}/customer-matches")
    Mono<Map<String, String>> match(@PathVariable String tenantId, @RequestBody(required = false) MatchRequest body) {
        return Blocking.call(() -> {
            MatchRequest request = Requests.body(body);
            MatchDecision decision = matching.match(tenantId, Requests.text(request.centerpointId(), "centerpointId"),
                    Requests.text(request.displayName(), "displayName"),
                    Requests.enumValue(NameConflictPolicy.class, request.policy(), "policy"),
                    request.suffix() == null ? DEFAULT_SUFFIX : request.suffix(), candidates(request.candidates()));
            return json(decision);
        });
    }

    @GetMapping("/tenants/{tenantId}/conflicts")
    Mono<List<ConflictJson>> conflicts(@PathVariable String tenantId) {
        return Blocking.call(() -> matching.conflicts(tenantId).stream().map(ConflictJson::of).toList());
    }

    private static List<Candidate> candidates(List<CandidateJson> candidates) {
        if (candidates == null) {
            return List.of();
        }
        return candidates.stream().map(c -> {
            if (c == null) {
                throw ApiException.badRequest("candidates must not contain null");
            }
            return new Candidate(Requests.enumValue(CandidateType.class, c.type(), "candidates[].type"),
                    Requests.text(c.id(), "candidates[].id"), Requests.text(c.displayName(), "candidates[].displayName"),
                    c.active() == null || c.active(), c.job() != null && c.job());
        }).toList();
    }

    private static Map<String, String> json(MatchDecision decision) {
        Map<String, String> json = new LinkedHashMap<>();
        if (decision instanceof MatchDecision.Link link) {
            json.put("decision", "LINK");
            json.put("qboId", link.qboId());
        } else if (decision instanceof MatchDecision.Create create) {
            json.put("decision", "CREATE");
            json.put("displayName", create.displayName());
        } else if (decision instanceof MatchDecision.Conflict conflict) {
            json.put("decision", "CONFLICT");
            json.put("reason", conflict.reason());
        }
        return json;
    }
}
