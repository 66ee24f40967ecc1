package com.cpsync.syncsupport.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * The credential a service shows mapping-service (docs/security.md): a JWT it signs with its own RSA private key,
 * {@code iss} = {@code sub} = the service's name, {@code aud} = {@code mapping-service}, valid for five minutes.
 * One token is reused until a minute before it expires, so a busy service signs about once in four minutes.
 * The key is never logged; {@link #toString()} names only the service.
 */
public final class ServiceTokens {

    public static final String AUDIENCE = "mapping-service";
    static final Duration LIFETIME = Duration.ofMinutes(5);
    static final Duration RENEW_BEFORE = Duration.ofMinutes(1);

    private static final Logger log = LoggerFactory.getLogger(ServiceTokens.class);

    private final String service;
    private final JwtEncoder encoder;
    private final Clock clock;
    private Jwt current;

    private ServiceTokens(String service, JwtEncoder encoder, Clock clock) {
        this.service = service;
        this.encoder = encoder;
        this.clock = clock;
    }

    /**
     * @param service    this service's name ({@code spring.application.name}), the identity mapping-service checks
     * @param privateKey the service's RSA private key, PKCS#8 as Base64 or PEM ({@code SERVICE_AUTH_PRIVATE_KEY});
     *                   blank: no credential is sent (and mapping-service will answer 401), with a warning
     */
    public static ServiceTokens of(String service, String privateKey, Clock clock) {
        if (privateKey == null || privateKey.isBlank()) {
            log.warn("No private key for {} (SERVICE_AUTH_PRIVATE_KEY / app.service-auth.private-key): its calls "
                    + "to mapping-service carry no credential and will be refused", service);
            return new ServiceTokens(service, null, clock);
        }
        RSAPrivateCrtKey key = privateKey(privateKey);
        return new ServiceTokens(service, NimbusJwtEncoder.withKeyPair(publicKeyOf(key), key).build(), clock);
    }

    /** The {@code Authorization} header value, or empty when this service has no key. */
    public synchronized Optional<String> authorization() {
        if (encoder == null) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        if (current == null || !now.isBefore(current.getExpiresAt().minus(RENEW_BEFORE))) {
            current = sign(now);
        }
        return Optional.of("Bearer " + current.getTokenValue());
    }

    private Jwt sign(Instant now) {
        JwtClaimsSet claims = JwtClaimsSet.builder().issuer(service).subject(service).audience(List.of(AUDIENCE))
                .issuedAt(now).expiresAt(now.plus(LIFETIME)).id(UUID.randomUUID().toString()).build();
        return encoder.encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims));
    }

    /** PKCS#8, Base64 of the DER bytes or a PEM block (line breaks and the BEGIN/END lines are ignored). */
    static RSAPrivateCrtKey privateKey(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPrivateCrtKey) KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            // the message of a key parser may quote the input: say only what is wrong
            throw new IllegalArgumentException("SERVICE_AUTH_PRIVATE_KEY is not an RSA private key in PKCS#8 "
                    + "(Base64 or PEM)");
        }
    }

    private static RSAPublicKey publicKeyOf(RSAPrivateCrtKey key) {
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(key.getModulus(), key.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the public key", e);
        }
    }

    @Override
    public String toString() {
        return "ServiceTokens[" + service + (encoder == null ? ", no key]" : "]");
    }
}
