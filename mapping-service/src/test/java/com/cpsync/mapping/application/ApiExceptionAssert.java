package com.cpsync.mapping.application;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

final class ApiExceptionAssert {

    private ApiExceptionAssert() {
    }

    /** The call is refused with this status and error code, and a message containing {@code messagePart}. */
    static void assertRefused(ThrowingCallable call, int status, String code, String messagePart) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).as("status").isEqualTo(status);
            assertThat(e.code()).as("code").isEqualTo(code);
            assertThat(e.getMessage()).contains(messagePart);
        });
    }
}
