package com.cpsync.inbound.domain.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks Intuit's {@code intuit-signature}: Base64(HMAC-SHA256(key = verifier token, raw body bytes)).
 * The raw bytes are hashed as received (never re-encoded) and compared in constant time.
 */
public final class WebhookSignature {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec key;

    public WebhookSignature(String verifierToken) {
        if (verifierToken == null || verifierToken.isEmpty()) {
            throw new IllegalArgumentException("the webhook verifier token must be set");
        }
        this.key = new SecretKeySpec(verifierToken.getBytes(StandardCharsets.UTF_8), HMAC);
    }

    /** True only when the header is present and equals the signature of the body. */
    public boolean verifies(byte[] rawBody, String signatureHeader) {
        if (signatureHeader == null || signatureHeader.isBlank()) {
            return false;
        }
        byte[] expected = sign(rawBody);
        byte[] given;
        try {
            given = Base64.getDecoder().decode(signatureHeader.trim());
        }
        catch (IllegalArgumentException notBase64) {
            return false;
        }
        return MessageDigest.isEqual(expected, given);
    }

    /** The signature of a body, Base64-encoded as Intuit sends it. */
    public String signatureOf(byte[] rawBody) {
        return Base64.getEncoder().encodeToString(sign(rawBody));
    }

    private byte[] sign(byte[] rawBody) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(rawBody);
        }
        catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }
}
