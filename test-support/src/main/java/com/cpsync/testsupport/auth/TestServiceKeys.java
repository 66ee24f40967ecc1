package com.cpsync.testsupport.auth;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Service credentials for tests, as production has them (docs/security.md) but with one RSA key pair per test JVM,
 * generated at first use and never written anywhere: every test caller signs with it, and the in-process
 * mapping-service trusts its public key for each known caller ({@link #mappingServiceArguments()}). The sync
 * service under test finds it as {@code app.service-auth.private-key} ({@link #offerToServicesUnderTest()}).
 */
public final class TestServiceKeys {

    /** The callers mapping-service knows (its ServiceAccessPolicy). */
    public static final List<String> CALLERS = List.of("cp-outbound-service", "qbo-inbound-service",
            "centerpoint-stand-in", "ops-console");
    public static final String AUDIENCE = "mapping-service";

    private static final KeyPair PAIR = newKeyPair();

    private TestServiceKeys() {
    }

    /** A fresh RSA key pair, e.g. for a token signed by a stranger. */
    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** PKCS#8 as Base64, the form of {@code SERVICE_AUTH_PRIVATE_KEY}. */
    public static String privateKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPrivate().getEncoded());
    }

    /** X.509 SubjectPublicKeyInfo as Base64, the form of mapping-service's {@code SERVICE_AUTH_*_PUBLIC_KEY}. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(PAIR.getPublic().getEncoded());
    }

    /** Arguments that make mapping-service trust this JVM's key for every known caller. */
    public static String[] mappingServiceArguments() {
        return CALLERS.stream().map(caller -> "--app.service-auth.callers[" + caller + "]=" + publicKey())
                .toArray(String[]::new);
    }

    /**
     * Sets {@code app.service-auth.private-key} as a system property, so a sync service or the stand-in started in
     * this JVM (by {@code @SpringBootTest} or in-process) signs its calls with this JVM's key, as with its Secret.
     */
    public static void offerToServicesUnderTest() {
        System.setProperty("app.service-auth.private-key", privateKey());
    }

    /** {@code Bearer <jwt>} for the caller: a valid five-minute token signed with this JVM's key. */
    public static String bearer(String caller) {
        return "Bearer " + sign(claims(caller, Instant.now(), Duration.ofMinutes(5)).build(), PAIR);
    }

    /** The claims a caller's token has (iss = sub = caller, aud = mapping-service); change them to make a bad one. */
    public static JwtClaimsSet.Builder claims(String caller, Instant issuedAt, Duration lifetime) {
        return JwtClaimsSet.builder().issuer(caller).subject(caller).audience(List.of(AUDIENCE)).issuedAt(issuedAt)
                .expiresAt(issuedAt.plus(lifetime)).id(UUID.randomUUID().toString());
    }

    /** Signs the claims with RS256, with this JVM's key or another. */
    public static String sign(JwtClaimsSet claims, KeyPair key) {
        return NimbusJwtEncoder.withKeyPair((RSAPublicKey) key.getPublic(), (RSAPrivateKey) key.getPrivate()).build()
                .encode(JwtEncoderParameters.from(JwsHeader.with(SignatureAlgorithm.RS256).build(), claims))
                .getTokenValue();
    }

    public static String sign(JwtClaimsSet claims) {
        return sign(claims, PAIR);
    }

    /** Verifies a token's signature against this JVM's key and its times against the wall clock; its claims. */
    public static Jwt decode(String token) {
        return NimbusJwtDecoder.withPublicKey((RSAPublicKey) PAIR.getPublic()).build().decode(token);
    }

    /** The same, without the time checks: for a token signed at a test clock's time. */
    public static Jwt decodeIgnoringTime(String token) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withPublicKey((RSAPublicKey) PAIR.getPublic()).build();
        decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
        return decoder.decode(token);
    }
}
