package com.cpsync.inbound.domain.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignatureTest {

    static final String TOKEN = "b5771f19b12ddb4bcdb9f08bdc50bc63878a";
    static final String BODY = "{\"eventNotifications\":[{\"realmId\":\"1185883450\",\"dataChangeEvent\":{\"entities\":"
            + "[{\"name\":\"Customer\",\"id\":\"1\",\"operation\":\"Create\",\"lastUpdated\":\"2015-10-05T14:42:19-0700\"}]}}]}";
    static final String SIGNATURE = "JC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=";

    private final WebhookSignature signature = new WebhookSignature(TOKEN);

    @Test
    void shouldVerifyIntuitsTestVector() {
        assertThat(signature.verifies(BODY.getBytes(StandardCharsets.UTF_8), SIGNATURE)).isTrue();
        assertThat(signature.signatureOf(BODY.getBytes(StandardCharsets.UTF_8))).isEqualTo(SIGNATURE);
    }

    @Test
    void shouldRejectASignatureOfAnotherBody() {
        byte[] tampered = BODY.replace("\"1\"", "\"2\"").getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verifies(tampered, SIGNATURE)).isFalse();
    }

    @Test
    void shouldRejectAMissingBlankOrNonBase64Signature() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        assertThat(signature.verifies(body, null)).isFalse();
        assertThat(signature.verifies(body, " ")).isFalse();
        assertThat(signature.verifies(body, "not*base64!")).isFalse();
    }

    @Test
    void shouldRejectTheRightBodySignedWithAnotherToken() {
        byte[] body = BODY.getBytes(StandardCharsets.UTF_8);
        String other = new WebhookSignature("another-token").signatureOf(body);
        assertThat(signature.verifies(body, other)).isFalse();
    }
}
