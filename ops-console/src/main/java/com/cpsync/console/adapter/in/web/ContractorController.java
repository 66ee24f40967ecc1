package com.cpsync.console.adapter.in.web;

import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import com.cpsync.console.application.ConsoleQueries;
import com.cpsync.console.domain.contractor.ContractorLinks;
import com.cpsync.console.domain.outcome.InvalidSearchException;
import com.cpsync.console.domain.outcome.OutcomeSearch;

/**
 * A contractor's read-only view of one tenant. A valid signed link opens a session that may read
 * {@code /shared/{tenant}} of that tenant and nothing else (SecurityConfig); a forged or expired one is refused
 * with 403 and changes nothing, a session already open included.
 */
@Controller
class ContractorController {

    private final ContractorLinks links;
    private final ConsoleQueries queries;
    private final Clock clock;
    private final SecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    ContractorController(ContractorLinks links, ConsoleQueries queries, Clock clock) {
        this.links = links;
        this.queries = queries;
        this.clock = clock;
    }

    @GetMapping("/contractor/{tenantId}")
    String enter(@PathVariable String tenantId, @RequestParam(required = false) String expires,
            @RequestParam(required = false) String signature, HttpServletRequest request,
            HttpServletResponse response, Model model) {
        ContractorLinks.Verdict verdict = links.verify(tenantId, expires, signature, clock.instant());
        if (verdict instanceof ContractorLinks.Verdict.Refused refused) {
            response.setStatus(HttpStatus.FORBIDDEN.value());
            model.addAttribute("message", "This link cannot be used: " + refused.reason() + ".");
            return "refused";
        }
        openSession(tenantId, request, response);
        return "redirect:/shared/" + UriUtils.encodePathSegment(tenantId, "UTF-8");
    }

    @GetMapping("/shared/{tenantId}")
    String shared(@PathVariable String tenantId, @RequestParam(required = false) String q, Model model) {
        model.addAttribute("tenantId", tenantId).addAttribute("q", q);
        try {
            model.addAttribute("trail", queries.trail(new OutcomeSearch(tenantId, q, null, null, null, null, 0)));
        }
        catch (InvalidSearchException ex) {
            model.addAttribute("trail", List.of()).addAttribute("error", ex.getMessage());
        }
        return "shared";
    }

    private void openSession(String tenantId, HttpServletRequest request, HttpServletResponse response) {
        if (request.getSession(false) != null) {
            request.changeSessionId();
        }
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("contractor of " + tenantId, null,
                List.of(new SimpleGrantedAuthority("ROLE_CONTRACTOR"),
                        new SimpleGrantedAuthority(ContractorLinks.authorityFor(tenantId)))));
        SecurityContextHolder.setContext(context);
        sessions.saveContext(context, request, response);
    }
}
