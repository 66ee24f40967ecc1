package com.cpsync.console.adapter.in.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.cpsync.console.application.ConsoleQueries;
import com.cpsync.console.application.ReplayDeadLetter;
import com.cpsync.console.application.ResolveHeldConflict;
import com.cpsync.console.domain.audit.AuditEntry;
import com.cpsync.console.domain.conflict.ResolutionRequest;
import com.cpsync.console.domain.lag.PartitionLagView;
import com.cpsync.console.domain.outcome.OutcomeSearch;

/** The JSON API: the pages' data and actions (HTTP Basic or the session; see SecurityConfig). */
@RestController
@RequestMapping("/api")
record ApiController(ConsoleQueries queries, ReplayDeadLetter replayDeadLetter,
        ResolveHeldConflict resolveHeldConflict) {

    @GetMapping("/tenants")
    List<Json.TenantJson> tenants() {
        return queries.tenants().stream().map(Json.TenantJson::of).toList();
    }

    @GetMapping("/tenants/{tenantId}/outcomes")
    List<Json.Outcome> outcomes(@PathVariable String tenantId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String entity, @RequestParam(required = false) String result,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(defaultValue = "0") int limit) {
        OutcomeSearch search = new OutcomeSearch(tenantId, q, entity, result, from, to, limit);
        queries.requireKnown(tenantId);
        return queries.trail(search).stream().map(Json.Outcome::of).toList();
    }

    /** Records held as a CONFLICT and not settled since; the reason names what clashes. */
    @GetMapping("/tenants/{tenantId}/conflicts")
    List<Json.Outcome> conflicts(@PathVariable String tenantId) {
        queries.requireKnown(tenantId);
        return queries.heldConflicts(tenantId).stream().map(Json.Outcome::of).toList();
    }

    /** LINK (with qboId), CREATE_WITH_SUFFIX or DISMISS one held record: sent to cp-outbound-service once. */
    @PostMapping("/tenants/{tenantId}/conflicts/{id}/resolution")
    ResponseEntity<ResolutionAnswer> resolve(@PathVariable String tenantId, @PathVariable long id,
            @RequestBody(required = false) Json.ResolutionBody body, Principal principal) {
        ResolutionRequest request = body == null ? ResolutionRequest.parse(null, null)
                : ResolutionRequest.parse(body.action(), body.qboId());
        queries.requireKnown(tenantId);
        return ResolutionAnswer.of(tenantId, id, resolveHeldConflict.resolve(tenantId, id, request,
                principal.getName()));
    }

    @GetMapping("/dead-letters")
    List<Json.DeadLetterJson> deadLetters(@RequestParam(required = false) String tenant) {
        return queries.deadLetters(tenant == null || tenant.isBlank() ? null : tenant).stream()
                .map(Json.DeadLetterJson::of).toList();
    }

    @PostMapping("/dead-letters/{id}/replay")
    ResponseEntity<ReplayAnswer> replay(@PathVariable long id, Principal principal) {
        return ReplayAnswer.of(id, replayDeadLetter.replay(id, principal.getName()));
    }

    /** Every dead letter of the tenant not replayed yet: one answer per dead letter, as for one. */
    @PostMapping("/dead-letters/replay")
    List<ReplayAnswer> replayAll(@RequestParam String tenant, Principal principal) {
        return replayDeadLetter.replayAll(tenant, principal.getName()).entrySet().stream()
                .map(result -> ReplayAnswer.of(result.getKey(), result.getValue()).getBody()).toList();
    }

    @GetMapping("/lag")
    List<PartitionLagView> lag() {
        return queries.lag();
    }

    @GetMapping("/audit")
    List<AuditEntry> audit() {
        return queries.audit();
    }
}
