package com.cpsync.sandbox.it;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Collections;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;

/** Change data capture and batches over HTTP. */
class CdcAndBatchIT extends SandboxCalls {

    private static final DateTimeFormatter WITHOUT_OFFSET = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    @Test
    void shouldReportChangesGroupedWithDeletedLastAndRefuseOldWindows() {
        String since = clock.instant().minusSeconds(1).toString();
        String customerId = customer("Cdc Co").get("Id").asString();
        JsonNode inv = invoice(customerId, "C-1", "10");
        post("/invoice?operation=delete", "{\"Id\":\"" + inv.get("Id").asString() + "\",\"SyncToken\":\"0\"}");
        invoice(customerId, "C-2", "20");

        JsonNode groups = get("/cdc?entities=Customer,Invoice&changedSince=" + since).body()
                .get("CDCResponse").get(0).get("QueryResponse");
        assertThat(groups.get(0).get("Customer")).hasSize(1);
        JsonNode invoices = groups.get(1).get("Invoice");
        assertThat(invoices).hasSize(2);
        assertThat(invoices.get(1).get("status").asString()).isEqualTo("Deleted");
        assertThat(invoices.get(1).get("Id").asString()).isEqualTo(inv.get("Id").asString());

        String future = clock.instant().plusSeconds(60).toString();
        assertThat(get("/cdc?entities=Customer&changedSince=" + future).body().get("CDCResponse").get(0).get("QueryResponse").get(0))
                .isEmpty();
        assertThat(get("/cdc?entities=Customer&changedSince=" + clock.instant().minus(Duration.ofDays(31))).status()).isEqualTo(400);
    }

    @Test
    void shouldCapCdcAtOneThousandObjects() {
        String since = clock.instant().minusSeconds(1).toString();
        StringBuilder items = new StringBuilder();
        for (int batch = 0; batch < 34; batch++) {
            items.setLength(0);
            for (int i = 0; i < 30; i++) {
                items.append(i == 0 ? "" : ",").append("{\"bId\":\"b").append(i).append("\",\"operation\":\"create\",")
                        .append("\"Customer\":{\"DisplayName\":\"Bulk ").append(batch).append('-').append(i).append("\"}}");
            }
            admin(HttpMethod.PUT, "/admin/realms/" + realmId + "/faults", "{\"batchesPerMinute\":1000}");
            assertThat(post("/batch", "{\"BatchItemRequest\":[" + items + "]}").status()).isEqualTo(200);
        }
        JsonNode groups = get("/cdc?entities=Customer,Item&changedSince=" + since).body().get("CDCResponse").get(0).get("QueryResponse");
        assertThat(groups).hasSize(1);
        assertThat(groups.get(0).get("Customer")).hasSize(1000);
    }

    @Test
    void shouldAnswerBatchItemsIndependentlyAndRefuseMoreThanThirty() {
        String customerId = customer("Batch Co").get("Id").asString();
        JsonNode inv = invoice(customerId, "B-1", "5");
        Reply batch = post("/batch", "{\"BatchItemRequest\":["
                + "{\"bId\":\"c1\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Batch New\"}},"
                + "{\"bId\":\"c2\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Batch Co\"}},"
                + "{\"bId\":\"v1\",\"operation\":\"update\",\"optionsData\":\"void\",\"Invoice\":{\"Id\":\"" + inv.get("Id").asString()
                + "\",\"SyncToken\":\"0\"}},"
                + "{\"bId\":\"q1\",\"Query\":\"select * from Customer where DisplayName = 'Batch Co'\"}]}");
        JsonNode items = batch.body().get("BatchItemResponse");
        assertThat(items.get(0).get("Customer").get("Id").asString()).isNotBlank();
        assertThat(items.get(1).get("Fault").get("Error").get(0).get("code").asString()).isEqualTo("6240");
        assertThat(items.get(2).get("Invoice").get("PrivateNote").asString()).contains("Voided");
        assertThat(items.get(3).get("QueryResponse").get("Customer")).hasSize(1);

        String tooMany = String.join(",", Collections.nCopies(31, "{\"bId\":\"q\",\"Query\":\"select * from Item\"}"));
        assertThat(post("/batch", "{\"BatchItemRequest\":[" + tooMany + "]}").status()).isEqualTo(400);
    }

    @Test
    void shouldReadAChangedSinceWithoutOffsetInTheRealmsTimeZone() {
        Instant now = clock.instant();
        customer("Zoned Co");
        String pacificBefore = WITHOUT_OFFSET.format(now.minusSeconds(60).atZone(ZoneId.of("America/Los_Angeles")));
        String pacificAfter = WITHOUT_OFFSET.format(now.plusSeconds(60).atZone(ZoneId.of("America/Los_Angeles")));
        String tokyoAfter = WITHOUT_OFFSET.format(now.plusSeconds(60).atZone(ZoneId.of("Asia/Tokyo")));

        assertThat(changedCustomers(pacificBefore)).hasSize(1);
        assertThat(changedCustomers(pacificAfter)).as("read as Pacific, not UTC").isEmpty();

        assertThat(faults("{\"timeZone\":\"Asia/Tokyo\"}").get("timeZone").asString()).isEqualTo("Asia/Tokyo");
        assertThat(changedCustomers(tokyoAfter)).isEmpty();
        assertThat(changedCustomers(pacificAfter)).as("Pacific wall time read in Tokyo lies 17 hours earlier").hasSize(1);
    }

    private JsonNode changedCustomers(String changedSince) {
        Reply r = get("/cdc?entities=Customer&changedSince=" + changedSince);
        assertThat(r.status()).as(r.raw()).isEqualTo(200);
        return r.body().get("CDCResponse").get(0).get("QueryResponse").get(0).path("Customer");
    }
}
