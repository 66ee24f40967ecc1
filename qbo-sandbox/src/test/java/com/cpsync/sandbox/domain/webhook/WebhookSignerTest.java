package com.cpsync.sandbox.domain.webhook;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class WebhookSignerTest {

    @Test
    void shouldMatchIntuitsPublishedTestVector() {
        String body = "{\"eventNotifications\":[{\"realmId\":\"1185883450\",\"dataChangeEvent\":{\"entities\":[{\"name\":\"Customer\","
                + "\"id\":\"1\",\"operation\":\"Create\",\"lastUpdated\":\"2015-10-05T14:42:19-0700\"}]}}]}";

        assertThat(WebhookSigner.sign("b5771f19b12ddb4bcdb9f08bdc50bc63878a", body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("JC2GUwciPmRBwEO7WvrRmKqu9tGOKL8FFallocTFi8Q=");
    }
}
