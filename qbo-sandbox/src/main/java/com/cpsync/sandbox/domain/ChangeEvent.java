package com.cpsync.sandbox.domain;

import java.time.Instant;
import java.util.Locale;

/** One data change a webhook reports; {@code deletedId} only for Merge. */
public record ChangeEvent(String realmId, String entityName, String id, Operation operation, Instant lastUpdated,
                          String deletedId) {

    public enum Operation {
        CREATE("created"), UPDATE("updated"), DELETE("deleted"), MERGE("merged"), VOID("void");

        private final String cloudEventWord;

        Operation(String cloudEventWord) {
            this.cloudEventWord = cloudEventWord;
        }

        /** The legacy payload's {@code operation}: "Create", "Update", … */
        public String legacyName() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }

        /** The op word of the CloudEvents {@code type}; "void" follows the fixture quoted in the facts file. */
        public String cloudEventWord() {
            return cloudEventWord;
        }
    }
}
