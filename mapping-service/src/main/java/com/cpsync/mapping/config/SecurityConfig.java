package com.cpsync.mapping.config;

import java.time.Clock;

import com.cpsync.mapping.domain.connection.TokenCipher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

    private static final Logger log = LoggerFactory.getLogger(SecurityConfig.class);

    @Bean
    TokenCipher tokenCipher(@Value("${app.token-encryption-key:}") String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            log.warn("app.token-encryption-key (TOKEN_ENCRYPTION_KEY) is not set: using a random key, so stored "
                    + "QBO tokens will not survive a restart (fine for the local stack only)");
            return new TokenCipher(TokenCipher.randomKey());
        }
        return TokenCipher.fromBase64(base64Key);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
