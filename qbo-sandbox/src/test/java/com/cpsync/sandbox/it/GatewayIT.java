package com.cpsync.sandbox.it;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;

import static org.assertj.core.api.Assertions.assertThat;

/** What QBO's gateway accepts besides plain JSON, and the sandbox's own health. */
class GatewayIT extends SandboxCalls {

    private Reply postGzipped(String pathAndQuery, byte[] body) {
        return reply(client.post().uri("/v3/company/" + realmId + pathAndQuery)
                .headers(h -> {
                    h.setBearerAuth(token);
                    h.set(HttpHeaders.CONTENT_ENCODING, "gzip");
                })
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body)
                .exchange().expectBody(String.class).returnResult());
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }

    @Test
    void shouldAcceptAGzipRequestBodyAsIntuitsSdkSendsIt() throws IOException {
        Reply created = postGzipped("/customer?minorversion=75", gzip("{\"DisplayName\":\"Caf\u00e9 Zipped\"}"));

        assertThat(created.status()).as(created.raw()).isEqualTo(200);
        assertThat(created.body().get("Customer").get("DisplayName").asString()).isEqualTo("Caf\u00e9 Zipped");
        assertThat(entities("customer")).hasSize(1);
    }

    @Test
    void shouldRefuseABodyMarkedGzipThatIsNot() {
        Reply refused = postGzipped("/customer", "{\"DisplayName\":\"Plain\"}".getBytes(StandardCharsets.UTF_8));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.code()).isEqualTo("2010");
        assertThat(entities("customer")).isEmpty();
    }

    @Test
    void shouldServeActuatorHealth() {
        Reply health = admin(HttpMethod.GET, "/actuator/health", null);

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.body().get("status").asString()).isEqualTo("UP");
    }
}
