package com.cpsync.mapping.config;

import com.cpsync.mapping.application.RotateTokenKeys;
import com.cpsync.mapping.application.port.ConnectionStore;
import com.cpsync.mapping.application.port.TokenKeyStore;
import com.cpsync.mapping.application.port.Transactions;
import com.cpsync.mapping.domain.connection.TokenCipher;
import com.cpsync.mapping.domain.connection.TokenKeyRing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The token-encryption key ring, the re-encryption use case, and the startup check that every stored key is known. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class TokenEncryptionConfig {

    private static final Logger log = LoggerFactory.getLogger(TokenEncryptionConfig.class);

    @Bean
    TokenCipher tokenCipher(TokenEncryptionProperties properties,
                            @Value("${app.token-encryption-key:}") String legacyKey) {
        TokenKeyRing ring = TokenKeyRing.configured(properties.keys(), properties.currentKey(), legacyKey);
        if (ring == null) {
            log.warn("No token encryption key is set (TOKEN_ENCRYPTION_KEY or TOKEN_ENCRYPTION_KEYS): using a random "
                    + "key, so stored QBO tokens will not survive a restart (fine for the local stack only)");
            ring = TokenKeyRing.ephemeral();
        }
        log.info("Token encryption keys {}, new tokens under '{}'", ring.keyIds(), ring.currentKeyId());
        return new TokenCipher(ring);
    }

    @Bean
    RotateTokenKeys rotateTokenKeys(TokenKeyStore store, ConnectionStore connections, TokenCipher cipher,
                                    Transactions transactions, TokenEncryptionProperties properties) {
        return new RotateTokenKeys(store, connections, cipher, transactions, properties.rotationBatchSize());
    }

    /** Before the server takes requests (Flyway has migrated by then): a row under an unknown key stops the start. */
    @Bean
    SmartInitializingSingleton everyStoredTokenKeyIsConfigured(RotateTokenKeys rotation) {
        return rotation::requireEveryStoredKeyConfigured;
    }
}
