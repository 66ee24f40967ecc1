package com.cpsync.deploy.logscan;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSecretScanTest {

    private static final String ACCESS = "eyJ" + "a".repeat(30) + "_-" + "B".repeat(32);
    private static final String REFRESH = "RT1-" + "x".repeat(43);

    private final LogSecretScan scan = LogSecretScan.withTokenAndHeaderShapes()
            .secret("client secret", "local-client-secret")
            .secret("verifier token", "local-verifier-token")
            .secret("ignored blank", " ");

    @Test
    void shouldFindAnExactSecretAndMaskItInTheFinding() {
        List<LogSecretScan.Finding> findings = scan.scan("mapping-service.log",
                List.of("started", "posting form client_secret=local-client-secret to QBO"));

        assertThat(findings).singleElement().satisfies(finding -> {
            assertThat(finding.lineNumber()).isEqualTo(2);
            assertThat(finding.kind()).isEqualTo("client secret");
            assertThat(finding.toString()).doesNotContain("local-client-secret")
                    .contains("mapping-service.log:2 client secret: posting form client_secret=<client secret>");
        });
    }

    @Test
    void shouldFindEveryTokenTheSandboxIssuesByItsShape() {
        List<LogSecretScan.Finding> findings = scan.scan("x.log", List.of("refreshed " + ACCESS, "stored " + REFRESH));

        assertThat(findings).extracting(LogSecretScan.Finding::kind)
                .containsExactly("sandbox access token", "sandbox refresh token");
        assertThat(findings.toString()).doesNotContain(ACCESS).doesNotContain(REFRESH);
    }

    @Test
    void shouldFindAuthorizationHeadersAndBearerOrBasicCredentials() {
        List<LogSecretScan.Finding> findings = scan.scan("x.log", List.of(
                "headers=[Authorization:\"Bearer abc\", Accept:\"application/json\"]",
                "sending Basic bG9jYWwtY2xpZW50LWlkOmxvY2FsLWNsaWVudC1zZWNyZXQ= to the token endpoint",
                "authorization: Basic short"));

        assertThat(findings).extracting(LogSecretScan.Finding::lineNumber).containsExactly(1, 2, 3);
        assertThat(findings.get(1).maskedLine()).doesNotContain("bG9jYWwtY2xpZW50");
    }

    @Test
    void shouldLeaveOrdinaryLinesAlone() {
        assertThat(scan.scan("x.log", List.of(
                "Tenant acme connected to QBO realm 9130350000000001",
                "Refreshed QBO tokens of tenant acme (realm 1), access token valid until 2026-01-01T00:00:00Z",
                "code exchanged with HTTP Basic client authentication",
                "401 without a Bearer token",
                "GET /v3/company/1/query?query=select%20*%20from%20Customer"))).isEmpty();
    }
}
