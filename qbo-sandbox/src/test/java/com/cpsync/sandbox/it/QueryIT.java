package com.cpsync.sandbox.it;

import tools.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** QBO's query language over HTTP, with what its lexer refuses. */
class QueryIT extends SandboxCalls {

    @Test
    void shouldQueryWithEscapedQuotesActiveFilterPagingAndNoOr() {
        customer("O'Brien Ltd");
        JsonNode inactive = customer("Dormant");
        post("/customer", "{\"Id\":\"" + inactive.get("Id").asString() + "\",\"SyncToken\":\"0\",\"sparse\":true,\"Active\":false}");
        for (int i = 0; i < 5; i++) {
            customer("Page " + i);
        }

        Reply obrien = query("select * from Customer where DisplayName = 'o\\'brien ltd'");
        assertThat(obrien.body().get("QueryResponse").get("Customer")).hasSize(1);

        assertThat(query("SELECT * FROM Customer WHERE DisplayName = 'Dormant'").body().get("QueryResponse").has("Customer")).isFalse();
        assertThat(query("SELECT * FROM Customer WHERE DisplayName = 'Dormant' AND Active IN (true,false)")
                .body().get("QueryResponse").get("Customer")).hasSize(1);
        assertThat(query("SELECT * FROM Customer WHERE Active = false").body().get("QueryResponse").get("Customer")).hasSize(1);

        JsonNode page = query("SELECT * FROM Customer WHERE DisplayName LIKE 'Page%' ORDERBY DisplayName DESC "
                + "STARTPOSITION 2 MAXRESULTS 2").body().get("QueryResponse");
        assertThat(page.get("startPosition").asInt()).isEqualTo(2);
        assertThat(page.get("maxResults").asInt()).isEqualTo(2);
        assertThat(page.get("Customer").get(0).get("DisplayName").asString()).isEqualTo("Page 3");
        assertThat(query("SELECT COUNT(*) FROM Customer").body().get("QueryResponse").get("totalCount").asInt()).isEqualTo(6);

        Reply or = query("SELECT * FROM Customer WHERE DisplayName = 'a' OR DisplayName = 'b'");
        assertThat(or.status()).isEqualTo(400);
        assertThat(or.code()).isEqualTo("4000");

        String viaGet = client.get().uri(b -> b.path("/v3/company/{realm}/query").queryParam("query", "{q}")
                        .build(realmId, "select * from Item where Name = 'Services'"))
                .headers(h -> h.setBearerAuth(token)).exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(viaGet).contains("\"Name\":\"Services\"", "\"startPosition\":1");
    }

    @Test
    void shouldAnswerAMissingQueryWithAValidationFault() {
        Reply r = get("/query");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.code()).isEqualTo("2020");
    }

    @Test
    void shouldRefuseATypographicApostropheInALiteralWithQbosLexicalError() {
        customer("Bob\u2019s Plumbing");

        Reply refused = query("select * from Customer where DisplayName = 'Bob\u2019s Plumbing'");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("4000");
        assertThat(refused.body().path("Fault").path("Error").path(0).path("Message").asString()).isEqualTo("Error parsing query");
        assertThat(refused.detail()).isEqualTo("QueryParserError: Invalid content. Lexical error at line 1, column 48.  "
                + "Encountered: \"\\u2019\" (8217), after : \"\\'Bob\"");
        String viaGet = client.get().uri(b -> b.path("/v3/company/{realm}/query").queryParam("query", "{q}")
                        .build(realmId, "select * from Customer where DisplayName = '\u201CBob\u201D'"))
                .headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(viaGet).contains("\"code\":\"4000\"", "Encountered: \\\"\\\\u201c\\\" (8220)");
    }

    @Test
    void shouldFindANameWithATypographicApostropheByLikeAroundIt() {
        customer("Bob\u2019s Plumbing");
        customer("Bobs Plumbing");

        assertThat(query("select * from Customer where DisplayName like 'Bob%s Plumbing'").body()
                .path("QueryResponse").path("Customer")).extracting(c -> c.get("DisplayName").asString())
                .containsExactlyInAnyOrder("Bob\u2019s Plumbing", "Bobs Plumbing");
    }

    @Test
    void shouldTreatOnlyPercentAsAWildcardInLike() {
        customer("A_C Roofing");
        customer("ABC Roofing");

        JsonNode found = query("select * from Customer where DisplayName like 'A_C%'").body().path("QueryResponse").path("Customer");

        assertThat(found).extracting(c -> c.get("DisplayName").asString()).containsExactly("A_C Roofing");
    }
}
