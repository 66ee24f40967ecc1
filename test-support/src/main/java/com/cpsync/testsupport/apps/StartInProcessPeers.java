package com.cpsync.testsupport.apps;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Starts the real qbo-sandbox and (when named) the real mapping-service in this JVM before the first
 * test class that carries it, once per test run, and closes them after the last test; tests reach them
 * through {@link InProcessPeers#running()}. Put it before {@code @SpringBootTest}: the peers must be up
 * before the test's own context loads (Boot's test hook would otherwise configure them as the test app).
 */
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@ExtendWith(InProcessPeersExtension.class)
public @interface StartInProcessPeers {

    /** qbo-sandbox's application class ({@code QboSandboxApplication.class}). */
    Class<?> sandbox();

    /** mapping-service's application class ({@code MappingServiceApplication.class}); none by default. */
    Class<?> mappingService() default void.class;

    /** Extra sandbox properties, {@code name=value} (e.g. a short webhook aggregation window). */
    String[] sandboxProperties() default {};
}
