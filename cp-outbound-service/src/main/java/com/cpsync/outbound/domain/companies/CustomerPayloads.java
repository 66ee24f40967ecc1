package com.cpsync.outbound.domain.companies;

import java.util.Objects;
import java.util.Optional;

import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import com.cpsync.outbound.domain.centerpoint.Address;
import com.cpsync.outbound.domain.centerpoint.Company;
import com.cpsync.qbo.client.names.DisplayNames;

/** QBO Customer JSON for a company: create body and sparse update of what changed. */
public final class CustomerPayloads {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private CustomerPayloads() {
    }

    public static ObjectNode create(Company company, String displayName) {
        ObjectNode body = JSON.objectNode();
        body.put("DisplayName", DisplayNames.displayName(displayName));
        body.put("CompanyName", company.name().trim());
        if (company.email() != null) {
            body.set("PrimaryEmailAddr", JSON.objectNode().put("Address", company.email()));
        }
        if (company.phone() != null) {
            body.set("PrimaryPhone", JSON.objectNode().put("FreeFormNumber", company.phone()));
        }
        if (company.billingAddress() != null) {
            body.set("BillAddr", address(company.billingAddress()));
        }
        return body;
    }

    /**
     * The sparse update for a linked customer, or empty when nothing we send changed between the
     * previous and the current Centerpoint state. A name change renames DisplayName too (a name clash
     * then fails with QBO's 6240 as a FAILED outcome).
     */
    public static Optional<ObjectNode> sparseUpdate(String qboId, String syncToken, Company previous,
            Company current) {
        ObjectNode body = JSON.objectNode();
        if (previous == null || !Objects.equals(previous.name(), current.name())) {
            body.put("DisplayName", DisplayNames.displayName(current.name()));
            body.put("CompanyName", current.name().trim());
        }
        if (previous == null || !Objects.equals(previous.email(), current.email())) {
            body.set("PrimaryEmailAddr", JSON.objectNode().put("Address", current.email()));
        }
        if (previous == null || !Objects.equals(previous.phone(), current.phone())) {
            body.set("PrimaryPhone", JSON.objectNode().put("FreeFormNumber", current.phone()));
        }
        if (current.billingAddress() != null
                && (previous == null || !Objects.equals(previous.billingAddress(), current.billingAddress()))) {
            body.set("BillAddr", address(current.billingAddress()));
        }
        if (body.isEmpty()) {
            return Optional.empty();
        }
        body.put("Id", qboId);
        body.put("SyncToken", syncToken);
        body.put("sparse", true);
        return Optional.of(body);
    }

    /** Sparse update that reactivates an inactive customer found by matching. */
    public static ObjectNode reactivate(String qboId, String syncToken) {
        return JSON.objectNode().put("Id", qboId).put("SyncToken", syncToken).put("sparse", true)
                .put("Active", true);
    }

    static ObjectNode address(Address address) {
        ObjectNode node = JSON.objectNode();
        node.put("Line1", address.line1());
        if (address.line2() != null) {
            node.put("Line2", address.line2());
        }
        node.put("City", address.city());
        node.put("CountrySubDivisionCode", address.region());
        node.put("PostalCode", address.postalCode());
        node.put("Country", address.country());
        return node;
    }
}
