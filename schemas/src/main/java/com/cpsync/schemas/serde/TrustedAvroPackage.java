package com.cpsync.schemas.serde;

import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;

/**
 * Avro (since 1.12.1) instantiates only trusted classes, which by default excludes our generated
 * records and enums. Every generated record calls {@link #install()} from its static initializer,
 * so no application needs the {@code org.apache.avro.SERIALIZABLE_PACKAGES} system property.
 */
public final class TrustedAvroPackage {

    static final String GENERATED_PACKAGE_PREFIX = "com.cpsync.schemas.avro.";

    private static volatile boolean installed;

    private TrustedAvroPackage() {
    }

    /** Adds the generated package to Avro's global trusted classes; idempotent. */
    public static synchronized void install() {
        if (installed) {
            return;
        }
        ClassSecurityPredicate previous = ClassSecurityValidator.getGlobal();
        ClassSecurityPredicate ours = type -> type.getName().startsWith(GENERATED_PACKAGE_PREFIX);
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.composite(previous, ours));
        installed = true;
    }
}
