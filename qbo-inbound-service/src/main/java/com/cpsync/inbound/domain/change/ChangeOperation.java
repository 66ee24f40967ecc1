package com.cpsync.inbound.domain.change;

import java.util.Locale;
import java.util.Optional;

/** What happened to a QBO entity, as webhooks and CDC report it. */
public enum ChangeOperation {
    CREATE, UPDATE, DELETE, MERGE, VOID, EMAILED;

    /**
     * Reads a legacy operation word ({@code Create}) or a CloudEvents op word ({@code created},
     * {@code voided}); empty when the word is unknown.
     */
    public static Optional<ChangeOperation> fromWord(String word) {
        if (word == null) {
            return Optional.empty();
        }
        switch (word.trim().toLowerCase(Locale.ROOT)) {
            case "create": case "created": return Optional.of(CREATE);
            case "update": case "updated": return Optional.of(UPDATE);
            case "delete": case "deleted": return Optional.of(DELETE);
            case "merge": case "merged": return Optional.of(MERGE);
            case "void": case "voided": return Optional.of(VOID);
            case "emailed": case "email": return Optional.of(EMAILED);
            default: return Optional.empty();
        }
    }
}
