package com.cpsync.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CheckedInApiDocumentTest {

    private static final String REGENERATE = "./mvnw -pl x verify -Dopenapi.regenerate=true";
    private static final String SERVED = "{\"openapi\":\"3.1.0\",\"paths\":{\"/tenants/{tenantId}/links\":"
            + "{\"get\":{\"operationId\":\"find\"}},\"/connections\":{\"get\":{\"operationId\":\"connected\"}}}}";

    @TempDir
    Path dir;

    @Test
    void shouldAcceptTheSameDocumentWhateverItsFormattingAndKeyOrder() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), "{ \"paths\" : { \"/connections\" : { \"get\" : "
                + "{ \"operationId\" : \"connected\" } }, \"/tenants/{tenantId}/links\" : { \"get\" : "
                + "{ \"operationId\" : \"find\" } } },\n  \"openapi\" : \"3.1.0\" }");

        assertThatCode(() -> CheckedInApiDocument.assertServedEqualsCheckedIn(SERVED, file, REGENERATE))
                .doesNotThrowAnyException();
    }

    @Test
    void shouldNameTheFirstDifferenceAndTheRegenerateCommand() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"), SERVED.replace("\"find\"", "\"findLink\""));

        assertThatThrownBy(() -> CheckedInApiDocument.assertServedEqualsCheckedIn(SERVED, file, REGENERATE))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/paths//tenants/{tenantId}/links/get/operationId: checked in \"findLink\", "
                        + "served \"find\"")
                .hasMessageContaining(REGENERATE);
    }

    @Test
    void shouldNameAnEndpointThatIsOnlyServed() throws IOException {
        Path file = Files.writeString(dir.resolve("x.json"),
                "{\"openapi\":\"3.1.0\",\"paths\":{\"/connections\":{\"get\":{\"operationId\":\"connected\"}}}}");

        assertThatThrownBy(() -> CheckedInApiDocument.assertServedEqualsCheckedIn(SERVED, file, REGENERATE))
                .hasMessageContaining("/paths//tenants/{tenantId}/links (only in the served document)");
    }

    @Test
    void shouldWriteTheServedDocumentWhenAskedToRegenerate() throws IOException {
        Path file = dir.resolve("openapi/x.json");
        System.setProperty(CheckedInApiDocument.REGENERATE_PROPERTY, "true");
        try {
            CheckedInApiDocument.assertServedEqualsCheckedIn(SERVED, file, REGENERATE);
        } finally {
            System.clearProperty(CheckedInApiDocument.REGENERATE_PROPERTY);
        }

        assertThat(Files.readString(file)).contains("\"operationId\" : \"find\"").endsWith("}\n");
        assertThatCode(() -> CheckedInApiDocument.assertServedEqualsCheckedIn(SERVED, file, REGENERATE))
                .doesNotThrowAnyException();
    }
}
