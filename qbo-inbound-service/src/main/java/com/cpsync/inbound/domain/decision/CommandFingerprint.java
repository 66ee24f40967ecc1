package com.cpsync.inbound.domain.decision;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a command would make Centerpoint hold, as a short digest of its content (commands are records of
 * strings, dates, lists and records, so their text is their content): two commands with the same
 * fingerprint apply the same thing.
 */
public final class CommandFingerprint {

    private CommandFingerprint() {
    }

    public static String of(Command command) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((command.getClass().getSimpleName() + command).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        }
        catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("every JVM has SHA-256", impossible);
        }
    }
}
