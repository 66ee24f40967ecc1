package com.cpsync.standin.adapter.in.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import reactor.core.publisher.Mono;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.cpsync.standin.adapter.out.kafka.CenterpointKafkaPublisher;
import com.cpsync.standin.domain.CenterpointData;
import com.cpsync.standin.domain.StoredCompany;
import com.cpsync.standin.domain.TenantData;

/**
 * Centerpoint's books for reconciliation (docs/reconciliation.md, "The Centerpoint contract"): what a real
 * Centerpoint would serve to the ops console, and its re-emission of an entity's latest event for resync.
 */
@RestController
public record BooksController(PublishedBooks published, CenterpointData data, CenterpointKafkaPublisher publisher) {

    /** {@code {"settings","records"}}: companies, projects, tickets, service invoices, project invoices, payments. */
    @GetMapping("/tenants/{tenantId}/books")
    Map<String, Object> books(@PathVariable String tenantId) {
        TenantData tenant = data.tenant(tenantId);
        List<Map<String, Object>> records = new ArrayList<>(published.recordsOf(tenantId));
        for (StoredCompany company : tenant.companies()) {
            if (company.qboCustomerId() != null) {
                fromQbo(records, company);
            }
        }
        tenant.projectInvoices().forEach(invoice -> records.add(projectInvoice(invoice)));
        tenant.payments().forEach(payment -> records.add(payment(payment)));
        Map<String, Object> books = new LinkedHashMap<>();
        books.put("settings", published.settingsOf(tenantId));
        books.put("records", records);
        return books;
    }

    /** 202 {@code {"eventId"}} once the entity's latest event is published again; 404 when none was published. */
    @PostMapping("/tenants/{tenantId}/books/{entity}/{id}/reemit")
    Mono<ResponseEntity<Map<String, String>>> reemit(@PathVariable String tenantId, @PathVariable String entity,
            @PathVariable String id, @RequestParam(required = false) String causationId) {
        return published.reemit(tenantId, entity, id, causationId)
                .map(event -> publisher.publish(event).then(Mono.fromRunnable(() -> published.record(event)))
                        .thenReturn(ResponseEntity.status(HttpStatus.ACCEPTED)
                                .body(Map.of("eventId", event.getEventId()))))
                .orElseGet(() -> Mono.just(ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error",
                        "not_found", "message", "no event of " + entity + " " + id + " was published"))));
    }

    /** A company the QBO side created or updated: its QBO customer id beside it (added to its record if published). */
    private static void fromQbo(List<Map<String, Object>> records, StoredCompany company) {
        for (Map<String, Object> record : records) {
            if ("COMPANY".equals(record.get("entity")) && company.company().id().equals(record.get("id"))) {
                record.put("qboId", company.qboCustomerId());
                return;
            }
        }
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("entity", "COMPANY");
        record.put("id", company.company().id());
        record.put("name", company.company().name());
        record.put("qboId", company.qboCustomerId());
        records.add(record);
    }

    private static Map<String, Object> projectInvoice(Map<String, Object> invoice) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("entity", "PROJECT_INVOICE");
        record.put("id", invoice.get("projectId") + ":" + invoice.get("qboInvoiceId"));
        record.put("ownerId", invoice.get("projectId"));
        record.put("qboId", invoice.get("qboInvoiceId"));
        record.put("number", invoice.get("docNumber"));
        record.put("date", invoice.get("txnDate"));
        record.put("total", invoice.get("total"));
        record.put("voided", invoice.get("voided"));
        return record;
    }

    private static Map<String, Object> payment(Map<String, Object> payment) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("entity", "PAYMENT");
        record.put("id", payment.get("qboPaymentId"));
        record.put("qboId", payment.get("qboPaymentId"));
        record.put("date", payment.get("txnDate"));
        record.put("total", payment.get("totalAmount"));
        List<Object> applied = new ArrayList<>();
        if (payment.get("applications") instanceof List<?> applications) {
            applications.forEach(a -> applied.add(((Map<?, ?>) a).get("qboInvoiceId")));
        }
        record.put("appliedTo", applied);
        record.put("voided", payment.get("voided"));
        return record;
    }
}
