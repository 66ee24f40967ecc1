package com.cpsync.sandbox.it;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** Name lists over HTTP: create, read, sparse and full update, the shared name space, hierarchy, merges. */
class EntitiesIT extends SandboxCalls {

    @Test
    void shouldCreateReadAndSparseUpdateACustomerBumpingSyncToken() {
        Reply created = post("/customer", "{\"DisplayName\":\"Acme Renovations\",\"PrimaryEmailAddr\":{\"Address\":\"ap@acme.com\"}}");
        JsonNode c = created.body().get("Customer");
        assertThat(created.headers().getFirst("intuit_tid")).isNotBlank();
        assertThat(created.body().has("time")).isTrue();
        assertThat(c.get("SyncToken").asString()).isEqualTo("0");
        assertThat(c.get("Active").asBoolean()).isTrue();
        assertThat(c.get("FullyQualifiedName").asString()).isEqualTo("Acme Renovations");
        assertThat(c.path("MetaData").path("CreateTime").asString()).isNotBlank();

        Reply updated = post("/customer", "{\"Id\":\"" + c.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true,"
                + "\"CompanyName\":\"Acme\"}");
        assertThat(updated.body().get("Customer").get("SyncToken").asString()).isEqualTo("1");
        assertThat(updated.body().get("Customer").get("PrimaryEmailAddr").get("Address").asString()).isEqualTo("ap@acme.com");

        Reply read = get("/customer/" + c.get("Id").asString() + "?minorversion=70");
        assertThat(read.body().get("Customer").get("CompanyName").asString()).isEqualTo("Acme");
    }

    @Test
    void shouldDropOmittedFieldsOnAFullUpdateAndRefuseAStaleSyncToken() {
        JsonNode c = post("/customer", "{\"DisplayName\":\"Full Co\",\"CompanyName\":\"Full\"}").body().get("Customer");
        String id = c.get("Id").asString();

        Reply full = post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"DisplayName\":\"Full Co\"}");
        assertThat(full.body().get("Customer").has("CompanyName")).isFalse();

        Reply stale = post("/customer", "{\"Id\":\"" + id + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Notes\":\"x\"}");
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.code()).isEqualTo("5010");
        assertThat(stale.body().get("Fault").get("type").asString()).isEqualTo("ValidationFault");
    }

    @Test
    void shouldShareOneNameSpaceAcrossCustomerVendorAndEmployeeIncludingInactive() {
        JsonNode vendor = post("/vendor", "{\"DisplayName\":\"Shared Name\"}").body().get("Vendor");
        post("/vendor", "{\"Id\":\"" + vendor.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":false}");

        Reply clash = post("/customer", "{\"DisplayName\":\"  shared NAME \"}");
        assertThat(clash.status()).isEqualTo(400);
        assertThat(clash.code()).isEqualTo("6240");
        assertThat(clash.body().get("Fault").get("Error").get(0).get("Message").asString()).isEqualTo("Duplicate Name Exists Error");

        customer("Emp Clash");
        assertThat(post("/employee", "{\"GivenName\":\"Emp\",\"FamilyName\":\"Clash\"}").code()).isEqualTo("6240");
        assertThat(post("/customer", "{\"DisplayName\":\"Bad: name\"}").status()).isEqualTo(400);
    }

    @Test
    void shouldBuildSubCustomerHierarchyAndRefuseUnknownParent() {
        JsonNode parent = customer("Parent Co");
        Reply job = post("/customer", "{\"DisplayName\":\"Kitchen\",\"Job\":true,\"BillWithParent\":true,"
                + "\"ParentRef\":{\"value\":\"" + parent.get("Id").asString() + "\"}}");
        JsonNode j = job.body().get("Customer");
        assertThat(j.get("FullyQualifiedName").asString()).isEqualTo("Parent Co:Kitchen");
        assertThat(j.get("Level").asInt()).isEqualTo(1);
        assertThat(j.get("Job").asBoolean()).isTrue();
        assertThat(j.get("BillWithParent").asBoolean()).isTrue();

        assertThat(post("/customer", "{\"DisplayName\":\"Orphan\",\"ParentRef\":{\"value\":\"999\"}}").code()).isEqualTo("2500");
    }

    @Test
    void shouldAnswer610ForMissingAndMergedAwayObjectsAndEmitMerge() {
        assertThat(get("/customer/4242").code()).isEqualTo("610");
        JsonNode loser = customer("Loser");
        JsonNode winner = customer("Winner");

        Reply merged = admin(HttpMethod.POST, "/admin/realms/" + realmId + "/customers/merge",
                "{\"fromId\":\"" + loser.get("Id").asString() + "\",\"toId\":\"" + winner.get("Id").asString() + "\"}");
        assertThat(merged.status()).isEqualTo(200);
        assertThat(get("/customer/" + loser.get("Id").asString()).code()).isEqualTo("610");
        assertThat(get("/customer/" + winner.get("Id").asString()).status()).isEqualTo(200);
    }
}
