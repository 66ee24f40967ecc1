package com.cpsync.console.adapter.in.web;

import java.security.Principal;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import com.cpsync.console.application.port.ReconciliationStore;
import com.cpsync.console.application.reconciliation.ReconcileTenant;
import com.cpsync.console.application.reconciliation.ResyncTenant;
import com.cpsync.console.domain.reconciliation.Report;
import com.cpsync.console.domain.reconciliation.ResyncRequest;

/** Reconciliation and resync of a tenant (issue 12's pinned API; docs/reconciliation.md). */
@RestController
@RequestMapping("/api/tenants/{tenantId}")
record ReconciliationApiController(ReconcileTenant reconcile, ResyncTenant resync,
        ReconciliationStore reconciliations) {

    /** Starts one: 202 {@code {"id"}}; it runs in the background (GET it until DONE or FAILED). */
    @PostMapping("/reconciliations")
    ResponseEntity<Map<String, Long>> start(@PathVariable String tenantId, Principal principal) {
        Report running = reconcile.start(tenantId, principal.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("id", running.id()));
    }

    @GetMapping("/reconciliations/{id}")
    ResponseEntity<?> report(@PathVariable String tenantId, @PathVariable long id) {
        return reconciliations.find(tenantId, id).<ResponseEntity<?>>map(r -> ResponseEntity.ok(ReportJson.of(r)))
                .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).body(Json.error("not_found",
                        "tenant " + tenantId + " has no reconciliation " + id)));
    }

    /** {@code {"entity","centerpointId"}}, {@code {"kind"}} or {@code {"all":true}}: resent through the sync path. */
    @PostMapping("/resync")
    ReportJson.ResyncJson resync(@PathVariable String tenantId, @RequestBody(required = false) ResyncBody body,
            Principal principal) {
        ResyncRequest request = body == null ? ResyncRequest.parse(null, null, null, null)
                : ResyncRequest.parse(body.entity(), body.centerpointId(), body.kind(), body.all());
        return ReportJson.ResyncJson.of(resync.resync(tenantId, request, principal.getName()));
    }

    record ResyncBody(String entity, String centerpointId, String kind, Boolean all) {
    }
}
