package com.cpsync.outbound.domain.invoices;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * QBO DocNumbers (at most 21 characters) from Centerpoint invoice numbers. A longer number becomes
 * 8 hex characters of its SHA-256, '-', and its last 12 characters: stable (a retry or a DocNumber
 * lookup finds the same value), distinct for numbers that share a tail, and still showing the
 * sequence part people search by.
 */
public final class DocNumbers {

    public static final int MAX_LENGTH = 21;
    private static final int HASH_CHARS = 8;
    private static final int TAIL_CHARS = MAX_LENGTH - HASH_CHARS - 1;

    private DocNumbers() {
    }

    /** The DocNumber, or null when the invoice has no number (QBO then assigns one). */
    public static String of(String centerpointNumber) {
        if (centerpointNumber == null || centerpointNumber.isBlank()) {
            return null;
        }
        String number = centerpointNumber.strip();
        if (number.length() <= MAX_LENGTH) {
            return number;
        }
        return hash(number) + "-" + number.substring(number.length() - TAIL_CHARS);
    }

    /** The words for the outcome when the number had to be shortened; empty when it is sent as it is. */
    public static Optional<String> adjustment(String centerpointNumber) {
        String docNumber = of(centerpointNumber);
        if (docNumber == null || docNumber.equals(centerpointNumber.strip())) {
            return Optional.empty();
        }
        return Optional.of("invoice number " + centerpointNumber.strip() + " (" + centerpointNumber.strip().length()
                + " characters) sent as DocNumber " + docNumber + " (QBO allows " + MAX_LENGTH + ")");
    }

    private static String hash(String number) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(number.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
