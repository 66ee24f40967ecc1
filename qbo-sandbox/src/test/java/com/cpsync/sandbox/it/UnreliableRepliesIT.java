package com.cpsync.sandbox.it;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Writes whose caller cannot tell whether they happened: requestid replay (and a realm that ignores it),
 * replies lost after the write was applied, replies that come too late, all reproducible by seed.
 */
class UnreliableRepliesIT extends SandboxCalls {

    @Test
    void shouldReplayTheOriginalResponseForARepeatedRequestId() {
        Reply first = post("/customer?requestid=evt-123", "{\"DisplayName\":\"Once Only\"}");
        Reply second = post("/customer?requestid=evt-123", "{\"DisplayName\":\"Once Only\"}");

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.raw()).isEqualTo(first.raw());
        assertThat(admin(HttpMethod.GET, "/admin/realms/" + realmId + "/entities/customer", null).body()).hasSize(1);
        assertThat(post("/customer?requestid=" + "x".repeat(51), "{\"DisplayName\":\"Too long\"}").status()).isEqualTo(400);
    }

    @Test
    void shouldCreateAgainForARepeatedRequestIdWhenTheRealmIgnoresIt() {
        String customerId = customer("Retried Co").get("Id").asString();
        assertThat(faults("{\"requestIdReplay\":false}").get("requestIdReplay").asBoolean()).isFalse();

        Reply first = post("/invoice?requestid=inv-1", invoiceJson(customerId, null, "25"));
        Reply retried = post("/invoice?requestid=inv-1", invoiceJson(customerId, null, "25"));
        Reply nameRetried = post("/customer?requestid=cust-1", "{\"DisplayName\":\"Retried Co\"}");

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body().get("Invoice").get("Id").asString()).isNotEqualTo(first.body().get("Invoice").get("Id").asString());
        assertThat(entities("invoice")).hasSize(2);
        assertThat(nameRetried.code()).as("a retried name-list create meets its own name").isEqualTo("6240");
    }

    @Test
    void shouldApplyAWriteAndAnswer502WhenItsReplyIsLost() {
        assertThat(faults("{\"lostReplyRate\":1.0}").get("lostReply").asString()).isEqualTo("BAD_GATEWAY");

        Reply lost = post("/customer?requestid=lost-1", "{\"DisplayName\":\"Lost Reply Co\"}");

        assertThat(lost.status()).isEqualTo(502);
        assertThat(lost.headers().getContentType()).hasToString("text/html");
        assertThat(entities("customer")).extracting(c -> c.get("DisplayName").asString()).containsExactly("Lost Reply Co");

        faults("{\"lostReplyRate\":0}");
        Reply retried = post("/customer?requestid=lost-1", "{\"DisplayName\":\"Lost Reply Co\"}");
        assertThat(retried.status()).as("the first reply, replayed").isEqualTo(200);
        assertThat(retried.body().get("Customer").get("Id").asString()).isEqualTo(entities("customer").get(0).get("Id").asString());
        assertThat(stats().get("lostReplies").asInt()).isEqualTo(1);
        assertThat(stats().get("byStatus").get("502").asInt()).isEqualTo(1);
    }

    @Test
    void shouldApplyAWriteAndCloseTheConnectionWhenItsReplyIsLostThatWay() {
        faults("{\"lostReplyRate\":1.0,\"lostReply\":\"CLOSE\"}");

        assertThatThrownBy(() -> send("POST", "/customer", "{\"DisplayName\":\"Hung Up Co\"}", Duration.ofSeconds(10)))
                .isInstanceOf(IOException.class);

        assertThat(entities("customer")).extracting(c -> c.get("DisplayName").asString()).containsExactly("Hung Up Co");
        assertThat(stats().get("lostReplies").asInt()).isEqualTo(1);
    }

    @Test
    void shouldLoseNoReplyOfARead() {
        faults("{\"lostReplyRate\":1.0,\"timeoutRate\":1.0,\"timeoutMs\":60000}");

        assertThat(get("/item/1").status()).isEqualTo(200);
        assertThat(query("select * from Item").status()).isEqualTo(200);
        assertThat(stats().get("lostReplies").asInt()).isZero();
        assertThat(stats().get("lateReplies").asInt()).isZero();
    }

    @Test
    void shouldLoseNoReplyOfABatchOfQueriesButTheReplyOfABatchThatWrites() {
        faults("{\"lostReplyRate\":1.0}");

        Reply queries = post("/batch", "{\"BatchItemRequest\":[{\"bId\":\"1\",\"Query\":\"select * from Customer\"},"
                + "{\"bId\":\"2\",\"Query\":\"select * from Vendor\"}]}");
        Reply writes = post("/batch", "{\"BatchItemRequest\":[{\"bId\":\"1\",\"Query\":\"select * from Customer\"},"
                + "{\"bId\":\"2\",\"operation\":\"create\",\"Customer\":{\"DisplayName\":\"Batched Lost Co\"}}]}");

        assertThat(queries.status()).isEqualTo(200);
        assertThat(writes.status()).isEqualTo(502);
        assertThat(entities("customer")).extracting(c -> c.get("DisplayName").asString()).containsExactly("Batched Lost Co");
        assertThat(stats().get("lostReplies").asInt()).isEqualTo(1);
    }

    @Test
    void shouldApplyAWriteAndAnswerAfterTimeoutMs() throws Exception {
        faults("{\"timeoutRate\":1.0,\"timeoutMs\":5000}");

        assertThatThrownBy(() -> send("POST", "/customer", "{\"DisplayName\":\"Slow Reply Co\"}", Duration.ofMillis(500)))
                .isInstanceOf(HttpTimeoutException.class);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(entities("customer")).extracting(c -> c.get("DisplayName").asString()).containsExactly("Slow Reply Co"));

        faults("{\"timeoutRate\":0}");
        HttpResponse<String> onTime = send("POST", "/customer", "{\"DisplayName\":\"Quick Reply Co\"}", Duration.ofSeconds(5));
        assertThat(onTime.statusCode()).isEqualTo(200);
        assertThat(stats().get("lateReplies").asInt()).isEqualTo(1);
    }

    @Test
    void shouldMeetTheSameFaultsAtTheSameCallsForTheSameSeed() {
        String customerId = customer("Seeded Co").get("Id").asString();
        String chaos = "{\"lostReplyRate\":0.4,\"errorRate\":0.2,\"errorStatus\":503,\"seed\":42}";

        faults(chaos);
        List<Integer> first = statuses(customerId, 16);
        faults(chaos);
        List<Integer> second = statuses(customerId, 16);

        assertThat(second).isEqualTo(first);
        assertThat(first).contains(200, 502, 503);
        assertThat(faults("{\"seed\":43}").get("seed").asLong()).isEqualTo(43);
        assertThat(statuses(customerId, 16)).isNotEqualTo(first);
    }

    private List<Integer> statuses(String customerId, int writes) {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < writes; i++) {
            statuses.add(post("/invoice", invoiceJson(customerId, null, "1")).status());
        }
        return statuses;
    }
}
