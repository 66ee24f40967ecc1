package com.cpsync.deploy;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The local stack's service credentials (docs/security.md): an RSA key pair per calling service, generated when
 * the launcher first needs it and kept in this JVM only, never written to disk. Each caller gets its private key
 * as {@code SERVICE_AUTH_PRIVATE_KEY}, mapping-service every public key. One set per launcher, so a service the
 * chaos run restarts gets the same key again.
 */
final class LocalServiceKeys {

    /** The env variable of mapping-service that holds each caller's public key. */
    static final Map<String, String> PUBLIC_KEY_ENV = Map.of(
            StackServices.OUTBOUND, "SERVICE_AUTH_CP_OUTBOUND_PUBLIC_KEY",
            StackServices.INBOUND, "SERVICE_AUTH_QBO_INBOUND_PUBLIC_KEY",
            StackServices.CENTERPOINT, "SERVICE_AUTH_CENTERPOINT_PUBLIC_KEY",
            StackServices.OPS_CONSOLE, "SERVICE_AUTH_OPS_CONSOLE_PUBLIC_KEY");
    static final String PRIVATE_KEY_ENV = "SERVICE_AUTH_PRIVATE_KEY";

    private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();
    /** One generator for the launcher's life; {@link #pair} is synchronized, as a generator is not thread-safe. */
    private static final KeyPairGenerator RSA_2048 = rsa(2048);

    private LocalServiceKeys() {
    }

    /** PKCS#8, Base64. */
    static String privateKey(String caller) {
        return Base64.getEncoder().encodeToString(pair(caller).getPrivate().getEncoded());
    }

    /** X.509 SubjectPublicKeyInfo, Base64. */
    static String publicKey(String caller) {
        return Base64.getEncoder().encodeToString(pair(caller).getPublic().getEncoded());
    }

    /** The caller's key pair (the log scan signs with it as the service would). */
    static synchronized KeyPair pair(String caller) {
        if (!PUBLIC_KEY_ENV.containsKey(caller)) {
            throw new IllegalArgumentException(caller + " does not call mapping-service");
        }
        return PAIRS.computeIfAbsent(caller, name -> RSA_2048.generateKeyPair());
    }

    private static KeyPairGenerator rsa(int bits) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(bits);
            return generator;
        } catch (NoSuchAlgorithmException everyJvmHasRsa) {
            throw new IllegalStateException(everyJvmHasRsa);
        }
    }
}
