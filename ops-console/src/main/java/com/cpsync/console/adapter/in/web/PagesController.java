package com.cpsync.console.adapter.in.web;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import com.cpsync.console.application.ConsoleQueries;
import com.cpsync.console.application.ReplayDeadLetter;
import com.cpsync.console.application.ReplayResult;
import com.cpsync.console.application.ResolutionResult;
import com.cpsync.console.application.ResolveHeldConflict;
import com.cpsync.console.domain.conflict.InvalidResolutionException;
import com.cpsync.console.domain.conflict.ResolutionRequest;
import com.cpsync.console.domain.outcome.InvalidSearchException;
import com.cpsync.console.domain.outcome.OutcomeSearch;
import com.cpsync.console.domain.outcome.TrailEntry;
import com.cpsync.console.domain.tenant.Connection;
import com.cpsync.console.domain.tenant.TenantRow;

/** The server-rendered pages (Thymeleaf, no script toolchain): the same queries and actions as the API. */
@Controller
record PagesController(ConsoleQueries queries, ReplayDeadLetter replayDeadLetter,
        ResolveHeldConflict resolveHeldConflict) {

    @GetMapping("/login")
    String login() {
        return "login";
    }

    @GetMapping("/")
    String home() {
        return "redirect:/tenants";
    }

    @GetMapping("/tenants")
    String tenants(Model model, Authentication user) {
        List<TenantRow> tenants = queries.tenants();
        // mapping-service not answering is said once above the table, not on every row
        model.addAttribute("tenants", tenants).addAttribute("connectionsUnknown", tenants.stream()
                .map(TenantRow::connection).filter(c -> c.status() == Connection.Status.UNKNOWN)
                .map(Connection::detail).findFirst().orElse(null));
        return page(model, user, "tenants");
    }

    @GetMapping("/tenants/{tenantId}")
    String tenant(@PathVariable String tenantId, @RequestParam(required = false) String q,
            @RequestParam(required = false) String entity, @RequestParam(required = false) String result,
            Model model, Authentication user) {
        queries.requireKnown(tenantId);
        List<TrailEntry> conflicts = queries.heldConflicts(tenantId);
        model.addAttribute("tenantId", tenantId).addAttribute("q", q).addAttribute("entity", entity)
                .addAttribute("result", result)
                .addAttribute("entityTypes", OutcomeSearch.ENTITY_TYPES.stream().sorted().toList())
                .addAttribute("results", OutcomeSearch.RESULTS.stream().sorted().toList())
                .addAttribute("conflicts", conflicts)
                .addAttribute("resolutions", resolveHeldConflict.sentFor(conflicts));
        try {
            model.addAttribute("trail", queries.trail(new OutcomeSearch(tenantId, q, entity, result, null, null, 0)));
        }
        catch (InvalidSearchException ex) {
            model.addAttribute("trail", List.of()).addAttribute("error", ex.getMessage());
        }
        return page(model, user, "tenant");
    }

    @PostMapping("/tenants/{tenantId}/conflicts/{id}/resolution")
    String resolve(@PathVariable String tenantId, @PathVariable long id, @RequestParam(required = false) String action,
            @RequestParam(required = false) String qboId, Authentication user, RedirectAttributes redirect) {
        queries.requireKnown(tenantId);
        String message;
        try {
            ResolutionResult result = resolveHeldConflict.resolve(tenantId, id,
                    ResolutionRequest.parse(action, qboId), user.getName());
            message = "Conflict " + id + ": " + result.name() + (result instanceof ResolutionResult.Sent
                    ? " (its outcome follows in the trail)" : "");
        }
        catch (InvalidResolutionException ex) {
            message = "Conflict " + id + " not resolved: " + ex.getMessage();
        }
        redirect.addFlashAttribute("message", message);
        return "redirect:" + UriComponentsBuilder.fromPath("/tenants/{t}").buildAndExpand(tenantId).encode()
                .toUriString();
    }

    @GetMapping("/dead-letters")
    String deadLetters(@RequestParam(required = false) String tenant, Model model, Authentication user) {
        String filter = tenant == null || tenant.isBlank() ? null : tenant;
        model.addAttribute("tenant", filter).addAttribute("deadLetters", queries.deadLetters(filter));
        return page(model, user, "dead-letters");
    }

    @PostMapping("/dead-letters/{id}/replay")
    String replay(@PathVariable long id, @RequestParam(required = false) String tenant, Authentication user,
            RedirectAttributes redirect) {
        ReplayResult result = replayDeadLetter.replay(id, user.getName());
        redirect.addFlashAttribute("message", "Dead letter " + id + ": " + result.name());
        return "redirect:" + UriComponentsBuilder.fromPath("/dead-letters")
                .queryParamIfPresent("tenant", Optional.ofNullable(tenant).filter(t -> !t.isBlank()))
                .build().encode().toUriString();
    }

    @PostMapping("/dead-letters/replay")
    String replayAll(@RequestParam String tenant, Authentication user, RedirectAttributes redirect) {
        Map<Long, ReplayResult> results = replayDeadLetter.replayAll(tenant, user.getName());
        long replayed = results.values().stream().filter(ReplayResult.Replayed.class::isInstance).count();
        redirect.addFlashAttribute("message", "Replayed " + replayed + " of " + results.size() + " dead letters of "
                + tenant + (replayed == results.size() ? "" : ": " + results));
        return "redirect:" + UriComponentsBuilder.fromPath("/dead-letters").queryParam("tenant", tenant).build()
                .encode().toUriString();
    }

    @GetMapping("/lag")
    String lag(Model model, Authentication user) {
        try {
            model.addAttribute("lag", queries.lag());
        }
        catch (IllegalStateException ex) {
            model.addAttribute("lag", List.of()).addAttribute("error", ex.getMessage());
        }
        return page(model, user, "lag");
    }

    @GetMapping("/audit")
    String audit(Model model, Authentication user) {
        model.addAttribute("audit", queries.audit());
        return page(model, user, "audit");
    }

    static String page(Model model, Authentication user, String view) {
        model.addAttribute("user", user.getName()).addAttribute("operator", user.getAuthorities().stream()
                .anyMatch(authority -> authority.getAuthority().equals("ROLE_OPERATOR")));
        return view;
    }
}
