package com.cpsync.console.adapter.in.web;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import com.cpsync.console.application.port.ReconciliationStore;
import com.cpsync.console.application.reconciliation.ReconcileTenant;
import com.cpsync.console.application.reconciliation.ResyncTenant;
import com.cpsync.console.domain.reconciliation.InvalidResyncException;
import com.cpsync.console.domain.reconciliation.Resent;
import com.cpsync.console.domain.reconciliation.ResyncRequest;

/** The tenant's reconciliation page: its latest report, "Reconcile now" and the resync buttons. */
@Controller
record ReconciliationPagesController(ReconcileTenant reconcile, ResyncTenant resync,
        ReconciliationStore reconciliations) {

    @GetMapping("/tenants/{tenantId}/reconciliation")
    String reconciliation(@PathVariable String tenantId, Model model, Authentication user) {
        model.addAttribute("tenantId", tenantId)
                .addAttribute("report", reconciliations.latest(tenantId).map(ReportJson::of).orElse(null));
        return PagesController.page(model, user, "reconciliation");
    }

    @PostMapping("/tenants/{tenantId}/reconciliation")
    String start(@PathVariable String tenantId, Authentication user, RedirectAttributes redirect) {
        long id = reconcile.start(tenantId, user.getName()).id();
        redirect.addFlashAttribute("message", "Reconciliation " + id + " started; reload to see it finish");
        return back(tenantId);
    }

    @PostMapping("/tenants/{tenantId}/reconciliation/resync")
    String resync(@PathVariable String tenantId, @RequestParam(required = false) String entity,
            @RequestParam(required = false) String centerpointId, @RequestParam(required = false) String kind,
            @RequestParam(required = false) Boolean all, Authentication user, RedirectAttributes redirect) {
        String message;
        try {
            ResyncTenant.Answer answer = resync.resync(tenantId,
                    ResyncRequest.parse(entity, centerpointId, kind, all), user.getName());
            long sent = answer.resent().stream().filter(r -> r.via() != Resent.Via.NOT_SENT).count();
            message = answer.failure() != null ? "Resync not sent: " + answer.failure()
                    : "Resent " + sent + " of " + answer.resent().size() + " after reconciliation "
                            + answer.reconciliationId();
        }
        catch (InvalidResyncException refused) {
            message = "Resync refused: " + refused.getMessage();
        }
        redirect.addFlashAttribute("message", message);
        return back(tenantId);
    }

    private static String back(String tenantId) {
        return "redirect:" + UriComponentsBuilder.fromPath("/tenants/{t}/reconciliation").buildAndExpand(tenantId)
                .encode().toUriString();
    }
}
