package com.cpsync.console.domain.contractor;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Links Centerpoint gives a contractor to see one tenant's sync, read-only: {@code /contractor/{tenant}?expires=E&signature=S}
 * where E is the expiry in epoch seconds and S the lower-case hex of HMAC-SHA256(shared secret, "tenant\nE"). The
 * expiry is signed, so editing it forges the link; one further away than the longest lifetime is refused as well,
 * so no link lives for ever.
 */
public final class ContractorLinks {

    private static final String ALGORITHM = "HmacSHA256";

    private final byte[] secret;
    private final Duration longestLifetime;

    public ContractorLinks(byte[] secret, Duration longestLifetime) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("the contractor-link secret must have at least 16 bytes");
        }
        this.secret = secret.clone();
        this.longestLifetime = longestLifetime;
    }

    /** What a link's bearer may see, or why the link is refused. */
    public sealed interface Verdict {

        record Valid(String tenantId, Instant expires) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }

    /** The one authority a contractor's session holds: reading this tenant. */
    public static String authorityFor(String tenantId) {
        return "TENANT_" + tenantId;
    }

    public String sign(String tenantId, long expiresEpochSeconds) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal(signed(tenantId, expiresEpochSeconds)));
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

    public Verdict verify(String tenantId, String expires, String signature, Instant now) {
        if (tenantId == null || tenantId.isBlank() || expires == null || signature == null) {
            return new Verdict.Refused("the link is incomplete");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        }
        catch (NumberFormatException ex) {
            return new Verdict.Refused("the link is not valid");
        }
        byte[] expected = sign(tenantId, expiresAt).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, signature.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            return new Verdict.Refused("the link is not valid");
        }
        Instant expiry = Instant.ofEpochSecond(expiresAt);
        if (!expiry.isAfter(now)) {
            return new Verdict.Refused("the link has expired");
        }
        if (expiry.isAfter(now.plus(longestLifetime))) {
            return new Verdict.Refused("the link lives longer than " + longestLifetime.toDays() + " days");
        }
        return new Verdict.Valid(tenantId, expiry);
    }

    private static byte[] signed(String tenantId, long expiresEpochSeconds) {
        return (tenantId + "\n" + expiresEpochSeconds).getBytes(StandardCharsets.UTF_8);
    }
}
