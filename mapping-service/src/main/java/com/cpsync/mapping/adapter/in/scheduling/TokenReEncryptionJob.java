package com.cpsync.mapping.adapter.in.scheduling;

import com.cpsync.mapping.application.RotateTokenKeys;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Moves stored tokens to the current token key in the background; a no-op once every row is under it. */
@Component
class TokenReEncryptionJob {

    private final RotateTokenKeys rotation;

    TokenReEncryptionJob(RotateTokenKeys rotation) {
        this.rotation = rotation;
    }

    @Scheduled(initialDelayString = "${app.token-encryption.rotation-interval:1m}",
            fixedDelayString = "${app.token-encryption.rotation-interval:1m}")
    void reEncrypt() {
        rotation.reEncryptAll();
    }
}
