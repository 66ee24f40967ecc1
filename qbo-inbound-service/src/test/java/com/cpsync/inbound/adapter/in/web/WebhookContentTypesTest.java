package com.cpsync.inbound.adapter.in.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookContentTypesTest {

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON;charset=\"UTF-8\"",
            "application/cloudevents+json", "application/cloudevents+json; charset=UTF-8",
            "application/cloudevents-batch+json"})
    void shouldReadTheJsonTypesIntuitSends(String contentType) {
        assertThat(WebhookContentTypes.refusal(contentType, List.of())).isEmpty();
        assertThat(WebhookContentTypes.refusal(contentType, List.of("identity"))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/xml", "application/x-www-form-urlencoded", "multipart/form-data",
            "application/octet-stream", "text/json", "application/problem+json", "*/*", "application/*"})
    void shouldRefuseAnyOtherType(String contentType) {
        assertThat(WebhookContentTypes.refusal(contentType, List.of())).get().asString().contains("is not one of");
    }

    @Test
    void shouldRefuseAMissingOrUnreadableTypeAndSayWhy() {
        assertThat(WebhookContentTypes.refusal(null, List.of())).get().asString().startsWith("no Content-Type");
        assertThat(WebhookContentTypes.refusal(" ", List.of())).get().asString().startsWith("no Content-Type");
        assertThat(WebhookContentTypes.refusal("json", List.of())).get().asString().startsWith("unreadable Content-Type");
    }

    @Test
    void shouldRefuseJsonInAnotherCharsetRatherThanMisreadIt() {
        assertThat(WebhookContentTypes.refusal("application/json; charset=ISO-8859-1", List.of()))
                .contains("charset 'ISO-8859-1' is not UTF-8");
    }

    @Test
    void shouldRefuseACompressedBody() {
        assertThat(WebhookContentTypes.refusal("application/json", List.of("gzip")))
                .contains("Content-Encoding 'gzip' is not supported; send the body uncompressed");
    }

    @Test
    void shouldQuoteAHostileHeaderShortAndPrintable() {
        String quoted = WebhookContentTypes.quoted("a\nb" + "x".repeat(100));

        assertThat(quoted).startsWith("'a?b").endsWith("…'").doesNotContain("\n").hasSize(63);
    }
}
