package com.cpsync.sandbox.domain;

import java.time.Instant;

/** One data change a webhook reports; {@code deletedId} only for Merge. */
public record ChangeEvent(String realmId, String entityName, String id, Operation operation, Instant lastUpdated,
                          String deletedId) {

    public enum Operation {
        CREATE("Create", "created"), UPDATE("Update", "updated"), DELETE("Delete", "deleted"),
        MERGE("Merge", "merged"), VOID("Void", "void");

        private final String legacyName;
        private final String cloudEventWord;

        Operation(String legacyName, String cloudEventWord) {
            this.legacyName = legacyName;
            this.cloudEventWord = cloudEventWord;
        }

        public String legacyName() {
            return legacyName;
        }

        /** The op word of the CloudEvents {@code type}; "void" follows the fixture quoted in the facts file. */
        public String cloudEventWord() {
            return cloudEventWord;
        }
    }
}
