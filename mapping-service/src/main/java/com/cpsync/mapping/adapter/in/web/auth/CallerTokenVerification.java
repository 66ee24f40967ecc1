package com.cpsync.mapping.adapter.in.web.auth;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import reactor.core.publisher.Mono;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtIssuerReactiveAuthenticationManagerResolver;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;

/**
 * Verifies a caller's JWT against that caller's own public key: the (unverified) {@code iss} only picks the key,
 * then the signature (RS256), {@code iss} = {@code sub} = the caller, {@code aud} containing {@code mapping-service},
 * and a lifetime present and no longer than the maximum are checked. An unknown issuer gets no key and so a 401.
 */
public final class CallerTokenVerification {

    public static final String AUDIENCE = "mapping-service";

    private CallerTokenVerification() {
    }

    /** @param publicKeys caller name → its RSA public key (X.509 SubjectPublicKeyInfo, Base64 or PEM) */
    public static JwtIssuerReactiveAuthenticationManagerResolver resolver(Map<String, String> publicKeys,
                                                                          Duration maxLifetime) {
        Map<String, ReactiveAuthenticationManager> managers = publicKeys.entrySet().stream().collect(
                Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> manager(e.getKey(), e.getValue(), maxLifetime)));
        return new JwtIssuerReactiveAuthenticationManagerResolver(issuer -> Mono.justOrEmpty(managers.get(issuer)));
    }

    private static ReactiveAuthenticationManager manager(String caller, String publicKey, Duration maxLifetime) {
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withPublicKey(publicKey(caller, publicKey))
                .signatureAlgorithm(SignatureAlgorithm.RS256).build();
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(List.of(
                JwtValidators.createDefaultWithIssuer(caller),
                new JwtClaimValidator<String>(JwtClaimNames.SUB, caller::equals),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(AUDIENCE)),
                shortLived(maxLifetime))));
        return new JwtReactiveAuthenticationManager(decoder);
    }

    /** A stolen token is worth little: it must expire, and soon after it was issued. */
    private static OAuth2TokenValidator<Jwt> shortLived(Duration maxLifetime) {
        return jwt -> {
            Instant issued = jwt.getIssuedAt();
            Instant expires = jwt.getExpiresAt();
            if (issued == null || expires == null || Duration.between(issued, expires).compareTo(maxLifetime) > 0) {
                return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token",
                        "the token must have iat and exp, at most " + maxLifetime + " apart", null));
            }
            return OAuth2TokenValidatorResult.success();
        };
    }

    static RSAPublicKey publicKey(String caller, String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalArgumentException("the public key of " + caller
                    + " is not an RSA public key (X.509 SubjectPublicKeyInfo, Base64 or PEM)");
        }
    }
}
