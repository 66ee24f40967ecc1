package com.cpsync.deploy.chaos.adapter;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.workload.InvoiceLine;
import com.cpsync.deploy.chaos.workload.QboCustomer;
import com.cpsync.deploy.chaos.workload.QboInvoice;
import com.cpsync.deploy.chaos.workload.QboPayment;
import com.cpsync.deploy.chaos.workload.Tokens;
import com.cpsync.deploy.demo.ExpectationNotMetException;
import com.cpsync.deploy.demo.JsonHttp;

/**
 * A user making changes in QBO through the sandbox's v3 API while the sandbox misbehaves: lost and
 * late replies, 5xx, 429 storms and no {@code requestid} replay. Like a careful user it looks before it
 * retries (the admin listing, which the faults do not touch), so its own retries never make a second
 * record: what the run finds twice was made twice by the services.
 */
final class QboUserClient {

    private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(120);
    private static final String TXN_DATE = "2026-03-16";

    private final JsonHttp http;
    private final String baseUrl;
    private final Map<String, String> tokens = new ConcurrentHashMap<>();

    QboUserClient(JsonHttp http, String baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** Every entity of a type in the realm, inactive ones included (not metered, never faulted). */
    List<JsonNode> entities(String realmId, String entity) {
        String url = baseUrl + "/admin/realms/" + realmId + "/entities/" + entity;
        JsonNode body = http.get(url).expectSuccess("GET " + url).body();
        return java.util.stream.StreamSupport.stream(body.spliterator(), false).toList();
    }

    Optional<JsonNode> find(String realmId, String entity, Predicate<JsonNode> which) {
        return entities(realmId, entity).stream().filter(which).findFirst();
    }

    String createCustomer(String realmId, QboCustomer customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("DisplayName", customer.displayName());
        body.put("PrimaryEmailAddr", Map.of("Address", customer.email()));
        return ensure("creating QBO customer " + customer.token(),
                () -> find(realmId, "customer", c -> Tokens.marks(c.path("DisplayName").asString(), customer.token())),
                () -> post(realmId, "customer", body));
    }

    void renameCustomer(String realmId, String qboId, QboCustomer customer) {
        ensure("renaming QBO customer " + customer.token(),
                () -> byId(realmId, "customer", qboId).filter(c -> customer.displayName().equals(c.path("DisplayName").asString())),
                () -> post(realmId, "customer", sparse(realmId, "customer", qboId,
                        Map.of("DisplayName", customer.displayName(), "PrimaryEmailAddr", Map.of("Address", customer.email())))));
    }

    String createInvoice(String realmId, QboInvoice invoice, String jobId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CustomerRef", Map.of("value", jobId));
        body.put("DocNumber", invoice.token());
        body.put("TxnDate", TXN_DATE);
        body.put("Line", lines(invoice.lines()));
        return ensure("creating QBO invoice " + invoice.token(),
                () -> find(realmId, "invoice", i -> invoice.token().equals(i.path("DocNumber").asString())),
                () -> post(realmId, "invoice", body));
    }

    void changeInvoice(String realmId, String qboId, QboInvoice invoice) {
        ensure("changing QBO invoice " + invoice.token(),
                () -> byId(realmId, "invoice", qboId).filter(i -> sameMoney(i.path("TotalAmt"), invoice.total())),
                () -> post(realmId, "invoice", sparse(realmId, "invoice", qboId, Map.of("Line", lines(invoice.lines())))));
    }

    String createPayment(String realmId, QboPayment payment, String invoiceId, String customerId) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("CustomerRef", Map.of("value", customerId));
        body.put("PaymentRefNum", payment.token());
        body.put("TxnDate", TXN_DATE);
        body.put("TotalAmt", payment.amount());
        body.put("Line", paymentLines(payment.amount(), invoiceId));
        return ensure("creating QBO payment " + payment.token(),
                () -> find(realmId, "payment", p -> payment.token().equals(p.path("PaymentRefNum").asString())),
                () -> post(realmId, "payment", body));
    }

    void changePayment(String realmId, String qboId, QboPayment payment, String invoiceId) {
        ensure("changing QBO payment " + payment.token(),
                () -> byId(realmId, "payment", qboId).filter(p -> sameMoney(p.path("TotalAmt"), payment.amount())),
                () -> post(realmId, "payment", sparse(realmId, "payment", qboId,
                        Map.of("TotalAmt", payment.amount(), "Line", paymentLines(payment.amount(), invoiceId)))));
    }

    void delete(String realmId, String entity, String qboId) {
        String what = "deleting QBO " + entity + " " + qboId;
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        String problem = "";
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> current;
            try {
                current = byId(realmId, entity, qboId);
            }
            catch (ExpectationNotMetException ex) {
                problem = ex.getMessage();
                pause(problem);
                continue;
            }
            if (current.isEmpty()) {
                return;
            }
            Map<String, Object> body = Map.of("Id", qboId, "SyncToken", current.get().path("SyncToken").asString());
            problem = attempt(() -> http.post(baseUrl + "/v3/company/" + realmId + "/" + entity + "?operation=delete&minorversion=75",
                    body, token(realmId)));
            pause(problem);
        }
        throw new ExpectationNotMetException(what + " did not succeed within " + GIVE_UP_AFTER.toSeconds() + " s: " + problem);
    }

    /**
     * Until {@code done} finds the wanted state: try, and after any failure (a 5xx, a 429, a lost or
     * late reply, a stale SyncToken) look again before trying again.
     *
     * @return the QBO id of the record in the wanted state
     */
    private String ensure(String what, Supplier<Optional<JsonNode>> done, Supplier<JsonHttp.Answer> write) {
        Instant deadline = Instant.now().plus(GIVE_UP_AFTER);
        String problem = "";
        while (Instant.now().isBefore(deadline)) {
            Optional<JsonNode> found;
            try {
                found = done.get();
            }
            catch (ExpectationNotMetException ex) {
                // not knowing whether the last try took, never write again: look again
                problem = ex.getMessage();
                pause(problem);
                continue;
            }
            if (found.isPresent()) {
                return found.get().path("Id").asString();
            }
            problem = attempt(write::get);
            pause(problem);
        }
        throw new ExpectationNotMetException(what + " did not succeed within " + GIVE_UP_AFTER.toSeconds() + " s: " + problem);
    }

    /** @return empty when the write was answered with success, else what went wrong */
    private static String attempt(Supplier<JsonHttp.Answer> write) {
        try {
            JsonHttp.Answer answer = write.get();
            return answer.isSuccess() ? "" : answer.status() + " " + abbreviate(answer.text());
        }
        catch (ExpectationNotMetException ex) {
            return ex.getMessage();
        }
    }

    /** A throttled or failing realm is given a moment; a success is looked up at once. */
    private static void pause(String problem) {
        if (problem.isEmpty()) {
            return;
        }
        try {
            Thread.sleep(problem.startsWith("429") ? 2000 : 500);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new ExpectationNotMetException("interrupted");
        }
    }

    private JsonHttp.Answer post(String realmId, String entity, Map<String, Object> body) {
        return http.post(baseUrl + "/v3/company/" + realmId + "/" + entity + "?minorversion=75", body, token(realmId));
    }

    /** A sparse update on the current SyncToken (read from the admin listing, so it costs QBO nothing). */
    private Map<String, Object> sparse(String realmId, String entity, String qboId, Map<String, Object> changes) {
        JsonNode current = byId(realmId, entity, qboId)
                .orElseThrow(() -> new ExpectationNotMetException("QBO " + entity + " " + qboId + " is gone"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Id", qboId);
        body.put("SyncToken", current.path("SyncToken").asString());
        body.put("sparse", true);
        body.putAll(changes);
        return body;
    }

    private Optional<JsonNode> byId(String realmId, String entity, String qboId) {
        return find(realmId, entity, e -> qboId.equals(e.path("Id").asString()));
    }

    private String token(String realmId) {
        return tokens.computeIfAbsent(realmId, realm -> http.post(baseUrl + "/admin/realms/" + realm + "/tokens", Map.of())
                .expectSuccess("sandbox token for realm " + realm).body().path("access_token").asString());
    }

    private static List<Map<String, Object>> lines(List<InvoiceLine> lines) {
        return lines.stream().map(line -> {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("DetailType", "SalesItemLineDetail");
            json.put("Amount", line.amount());
            json.put("Description", line.description());
            json.put("SalesItemLineDetail", Map.of("ItemRef", Map.of("value", "1"), "Qty", line.quantity(),
                    "UnitPrice", line.unitPrice()));
            return json;
        }).toList();
    }

    private static List<Map<String, Object>> paymentLines(BigDecimal amount, String invoiceId) {
        return List.of(Map.of("Amount", amount, "LinkedTxn", List.of(Map.of("TxnId", invoiceId, "TxnType", "Invoice"))));
    }

    static boolean sameMoney(JsonNode node, BigDecimal expected) {
        try {
            return new BigDecimal(node.asString()).compareTo(expected) == 0;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    private static String abbreviate(String text) {
        return text == null ? "" : text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
