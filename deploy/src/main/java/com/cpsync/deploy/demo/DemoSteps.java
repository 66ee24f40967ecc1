package com.cpsync.deploy.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import tools.jackson.databind.JsonNode;

import static com.cpsync.deploy.demo.DemoTenant.ACME;

/**
 * What the demo's steps share: the two public APIs, the poller, the ids learnt by earlier steps, and
 * the helpers that wait for an expected outcome.
 */
abstract class DemoSteps {

    final StandInApi centerpoint;
    final SandboxApi qbo;
    final Poller poller;
    final Duration timeout;
    final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    /** Ids learnt by earlier steps and used by later ones. */
    final Map<String, String> seen;

    DemoSteps(DemoContext context) {
        this.centerpoint = context.centerpoint();
        this.qbo = context.qbo();
        this.poller = context.poller();
        this.timeout = context.timeout();
        this.seen = context.seen();
    }

    static ScenarioStep step(String name, String expectation, Set<Capability> needs, ScenarioStep.Action action) {
        return new ScenarioStep(name, expectation, needs.isEmpty() ? EnumSet.noneOf(Capability.class) : EnumSet.copyOf(needs),
                action);
    }

    JsonNode awaitCustomer(String realmId, String displayName) {
        return poller.await("QBO customer '" + displayName + "' in realm " + realmId, timeout,
                () -> customersNamed(realmId, displayName).stream().findFirst());
    }

    List<JsonNode> customersNamed(String realmId, String displayName) {
        return qbo.entities(realmId, "customer").stream()
                .filter(c -> displayName.equalsIgnoreCase(c.path("DisplayName").asString().trim())).toList();
    }

    JsonNode awaitInvoice(String docNumber, String total) {
        return poller.await("QBO invoice " + docNumber + " with total " + total, timeout,
                () -> qbo.entities(ACME.realm, "invoice").stream()
                        .filter(i -> docNumber.equals(i.path("DocNumber").asString()) && sameMoney(i.path("TotalAmt"), total))
                        .findFirst());
    }

    JsonNode awaitOutcome(String tenant, String expectation, Predicate<JsonNode> matches) {
        return poller.await(expectation, timeout, () -> centerpoint.outcomes(tenant).stream().filter(matches).findFirst());
    }

    /** For outcomes that show the system has processed an event before a "nothing happened" check. */
    Optional<JsonNode> maybeOutcome(String tenant, Predicate<JsonNode> matches) {
        try {
            return Optional.of(poller.await("an outcome", timeout.dividedBy(3),
                    () -> centerpoint.outcomes(tenant).stream().filter(matches).findFirst()));
        }
        catch (ExpectationNotMetException ex) {
            return Optional.empty();
        }
    }

    String required(String key) {
        String value = seen.get(key);
        if (value == null || value.isEmpty()) {
            throw new ExpectationNotMetException("needs " + key + " from an earlier step, which did not pass");
        }
        return value;
    }

    static void expect(boolean condition, String expectation) {
        if (!condition) {
            throw new ExpectationNotMetException(expectation);
        }
    }

    static boolean sameMoney(JsonNode node, String expected) {
        try {
            return new BigDecimal(node.asString()).compareTo(new BigDecimal(expected)) == 0;
        }
        catch (NumberFormatException ex) {
            return false;
        }
    }

    static String describe(JsonNode outcome) {
        return outcome.path("entityType").asString() + " " + outcome.path("action").asString() + " "
                + outcome.path("result").asString();
    }

    static String names(List<JsonNode> customers) {
        return customers.stream().map(c -> c.path("DisplayName").asString()).toList().toString();
    }

    static Map<String, Object> companyEvent(String id, String name, String email) {
        Map<String, Object> company = new LinkedHashMap<>();
        company.put("id", id);
        company.put("name", name);
        if (email != null) {
            company.put("email", email);
            company.put("billingAddress", Map.of("line1", "12 Congress Ave", "city", "Austin", "region", "TX",
                    "postalCode", "78701", "country", "US"));
        }
        return Map.of("type", "CompanyCreated", "company", company);
    }

    static Map<String, Object> projectEvent(String type, String id, String companyId, String name) {
        return Map.of("type", type, "project", Map.of("id", id, "companyId", companyId, "name", name,
                "address", Map.of("line1", "400 Lake Shore Dr", "city", "Austin", "region", "TX",
                        "postalCode", "78703", "country", "US")));
    }

    Map<String, Object> invoiceEvent(String type, List<Map<String, Object>> lines, String total) {
        Map<String, Object> invoice = new LinkedHashMap<>();
        invoice.put("id", "si-5001");
        invoice.put("companyId", "co-riverside");
        invoice.put("ticketId", "tk-101");
        invoice.put("number", "SI-5001");
        invoice.put("issueDate", today.toString());
        invoice.put("dueDate", today.plusDays(30).toString());
        invoice.put("lines", lines);
        invoice.put("total", total);
        return Map.of("type", type, "invoice", invoice);
    }

    static Map<String, Object> line(String description, String quantity, String unitPrice, String amount) {
        return Map.of("description", description, "quantity", quantity, "unitPrice", unitPrice, "amount", amount);
    }}
