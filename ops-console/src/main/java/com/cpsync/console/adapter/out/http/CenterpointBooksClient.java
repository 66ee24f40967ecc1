package com.cpsync.console.adapter.out.http;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatusCode;
import org.springframework.web.client.RestClient;

import com.cpsync.console.application.port.CenterpointBooks;
import com.cpsync.console.domain.reconciliation.BooksEntity;
import com.cpsync.console.domain.reconciliation.BooksSettings;
import com.cpsync.console.domain.reconciliation.CenterpointRecord;

/**
 * Centerpoint's books over HTTP (docs/reconciliation.md, "The Centerpoint contract"): {@code GET
 * /tenants/{t}/books} and {@code POST /tenants/{t}/books/{entity}/{id}/reemit}. Locally the stand-in serves them.
 */
public class CenterpointBooksClient implements CenterpointBooks {

    private final RestClient http;

    public CenterpointBooksClient(URI baseUrl, RestClient.Builder builder) {
        this.http = builder.baseUrl(baseUrl.toString()).build();
    }

    @Override
    public Books books(String tenantId) {
        JsonNode books = http.get().uri("/tenants/{tenantId}/books", tenantId).retrieve().body(JsonNode.class);
        if (books == null) {
            throw new IllegalStateException("Centerpoint answered no books for tenant " + tenantId);
        }
        List<CenterpointRecord> records = StreamSupport.stream(books.get("records").spliterator(), false)
                .map(CenterpointBooksClient::record).toList();
        return new Books(settings(books.get("settings")), records);
    }

    @Override
    public boolean reemit(String tenantId, BooksEntity entity, String centerpointId, String causationId) {
        HttpStatusCode status = http.post().uri("/tenants/{tenantId}/books/{entity}/{id}/reemit?causationId={c}",
                tenantId, entity.name(), centerpointId, causationId)
                .exchange((request, response) -> response.getStatusCode());
        if (status.value() == 404) {
            return false;
        }
        if (!status.is2xxSuccessful()) {
            throw new IllegalStateException("Centerpoint answered " + status.value() + " to re-emitting " + entity
                    + " " + centerpointId);
        }
        return true;
    }

    private static BooksSettings settings(JsonNode settings) {
        if (settings == null || settings.isNull()) {
            return BooksSettings.NONE;
        }
        return new BooksSettings(text(settings, "companiesToQbo", "NEVER"), text(settings, "projectsToQbo", "NO"),
                flag(settings, "sendProjectChanges"), text(settings, "serviceTicketsToQbo", "NO"),
                flag(settings, "sendServiceTicketChanges"), text(settings, "serviceInvoicesToQbo", "NEVER"),
                flag(settings, "sendServiceInvoiceChanges"), flag(settings, "getNewCompaniesFromQbo"),
                flag(settings, "getNewProjectInvoices"), flag(settings, "getProjectInvoiceChanges"),
                flag(settings, "deleteProjectInvoicesDeletedInQbo"), flag(settings, "getNewPayments"),
                flag(settings, "getPaymentChanges"), flag(settings, "deletePaymentsDeletedInQbo"),
                text(settings, "nameConflictSuffix", " (customer)"));
    }

    private static CenterpointRecord record(JsonNode record) {
        String date = text(record, "date", null);
        String total = text(record, "total", null);
        String changedAt = text(record, "changedAt", null);
        Set<String> applied = new LinkedHashSet<>();
        if (record.has("appliedTo")) {
            record.get("appliedTo").forEach(id -> applied.add(id.asString()));
        }
        return new CenterpointRecord(BooksEntity.valueOf(text(record, "entity", null)), text(record, "id", null),
                text(record, "name", null), text(record, "companyId", null), text(record, "ownerId", null),
                text(record, "number", null), date == null ? null : LocalDate.parse(date),
                total == null ? null : new BigDecimal(total), flag(record, "sent"), text(record, "qboId", null), applied,
                flag(record, "voided"), changedAt == null ? null : Instant.parse(changedAt));
    }

    private static String text(JsonNode node, String field, String otherwise) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? otherwise : value.asString();
    }

    private static boolean flag(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.asBoolean();
    }
}
