package com.cpsync.deploy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import com.cpsync.deploy.chaos.ChaosMain;
import com.cpsync.deploy.demo.Capability;
import com.cpsync.deploy.demo.DemoScenario;
import com.cpsync.deploy.demo.JsonHttp;
import com.cpsync.deploy.demo.Poller;
import com.cpsync.deploy.demo.SandboxApi;
import com.cpsync.deploy.demo.ScenarioReport;
import com.cpsync.deploy.demo.ScenarioRunner;
import com.cpsync.deploy.demo.StandInApi;
import com.cpsync.deploy.logscan.LogSecretScan;
import com.cpsync.testsupport.auth.TestServiceKeys;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9: the whole local flow, as {@code deploy/run-local --demo} plays it, on free ports (tenants connected through
 * the real OAuth flow, companies and invoices out, customers and payments in), then a forced token refresh and every
 * tenant's disconnect; afterwards no log line of any service may hold an access or refresh token, the OAuth client
 * secret, the webhook verifier token or an Authorization header's credential.
 */
class LogSecretScanIT {

    private static final Logger log = LoggerFactory.getLogger(LogSecretScanIT.class);
    private static final String CP_OUTBOUND = "cp-outbound-service";
    private static final String QBO_INBOUND = "qbo-inbound-service";
    private static final String CENTERPOINT = "centerpoint-stand-in";

    /** The local stack's OAuth client (mapping-service's and the sandbox's defaults). */
    private static final String CLIENT_ID = "local-client-id";
    private static final String CLIENT_SECRET = "local-client-secret";

    private final JsonHttp http = new JsonHttp();

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void shouldWriteNoSecretToAnyServiceLogDuringTheWholeLocalFlow() throws Exception {
        StackConfig config = ChaosMain.onFreePorts(System.getenv(), ChaosMain.repoRoot());
        Instant started = Instant.now();
        RunningStack stack = new RunningStack(config, JavaCommand.ofThisJvm());
        List<String> seenTokens = new ArrayList<>();
        try {
            stack.start();
            playTheDemo(config, stack);
            seenTokens.addAll(refreshAndDisconnectEveryTenant(stack.url(StackServices.MAPPING),
                    stack.url(StackServices.SANDBOX)));
        } finally {
            stack.stop();
        }

        List<Path> logs = logsWrittenSince(config.logsDir(), started);
        LogSecretScan scan = LogSecretScan.withTokenAndHeaderShapes()
                .secret("OAuth client secret", CLIENT_SECRET)
                .secret("OAuth client Basic credential", Base64.getEncoder()
                        .encodeToString((CLIENT_ID + ":" + CLIENT_SECRET).getBytes(StandardCharsets.UTF_8)))
                .secret("webhook verifier token", config.webhookVerifierToken());
        seenTokens.forEach(token -> scan.secret("access token handed out", token));
        for (String caller : List.of(CP_OUTBOUND, QBO_INBOUND, CENTERPOINT)) {
            scan.secret("service private key of " + caller, LocalServiceKeys.privateKey(caller));
        }
        List<LogSecretScan.Finding> findings = new ArrayList<>();
        long lines = 0;
        for (Path file : logs) {
            List<String> content = Files.readAllLines(file, StandardCharsets.UTF_8);
            lines += content.size();
            findings.addAll(scan.scan(file.getFileName().toString(), content));
        }
        log.info("Scanned {} lines in {} for {} exact secrets and the token and header shapes", lines,
                logs.stream().map(Path::getFileName).toList(), 3 + seenTokens.size());

        assertThat(logs).as("every service wrote its log").extracting(p -> p.getFileName().toString())
                .contains("qbo-sandbox.log", "mapping-service.log", "cp-outbound-service.log",
                        "qbo-inbound-service.log", "centerpoint-stand-in.log");
        assertThat(Files.readString(config.logsDir().resolve("mapping-service.log")))
                .as("the flow really connected, refreshed and disconnected")
                .contains("connected to QBO realm").contains("Refreshed QBO tokens").contains("disconnected from QBO");
        assertThat(findings).as("secrets in the logs of " + config.logsDir()).isEmpty();
    }

    private void playTheDemo(StackConfig config, RunningStack stack) {
        DemoScenario scenario = new DemoScenario(new StandInApi(http, stack.url(StackServices.CENTERPOINT)),
                new SandboxApi(http, stack.url(StackServices.SANDBOX)),
                LocalStack.opsConsole(http, stack.url(StackServices.OPS_CONSOLE)), Poller.standard(),
                config.stepTimeout());
        // the realm outage steps add minutes and no new kind of call; the console's steps only call its API
        ScenarioReport report = new ScenarioRunner(EnumSet.of(Capability.ISOLATION, Capability.CONSOLE), log::info)
                .run(scenario.steps());
        assertThat(report.passed()).as(report.summary()).isTrue();
    }

    /**
     * For each connected tenant: its access token, then a refresh forced by handing that token back as rejected (the
     * path a sync service takes after a 401), then the disconnect. Returns the access tokens handed out.
     */
    private List<String> refreshAndDisconnectEveryTenant(String mappingUrl, String sandboxUrl)
            throws IOException, InterruptedException {
        List<String> handedOut = new ArrayList<>();
        for (JsonNode connection : http.get(mappingUrl + "/connections", serviceToken(QBO_INBOUND))
                .expectSuccess("GET /connections").body()) {
            String tenant = connection.path("tenantId").asString();
            String tokenUrl = mappingUrl + "/tenants/" + tenant + "/connection/access-token";
            String first = http.post(tokenUrl, Map.of(), serviceToken(CP_OUTBOUND)).expectSuccess("access token of " + tenant).body()
                    .path("accessToken").asString();
            String refreshed = http.post(tokenUrl, Map.of("rejectedAccessToken", first), serviceToken(CP_OUTBOUND))
                    .expectSuccess("refresh of " + tenant).body().path("accessToken").asString();
            assertThat(refreshed).as("refreshed token of " + tenant).isNotEqualTo(first);
            assertThat(http.get(sandboxUrl + "/v3/company/" + connection.path("realmId").asString()
                    + "/item/1?minorversion=75", refreshed).status())
                    .as("the refreshed token works at QBO").isEqualTo(200);
            handedOut.add(first);
            handedOut.add(refreshed);
            assertThat(delete(mappingUrl + "/tenants/" + tenant + "/connection")).as("disconnect of " + tenant)
                    .isEqualTo(204);
        }
        assertThat(handedOut).as("connected tenants after the demo").isNotEmpty();
        return handedOut;
    }

    /** A JWT signed with the local stack's key of that service, as the service itself would sign it. */
    private static String serviceToken(String caller) {
        return TestServiceKeys.sign(TestServiceKeys.claims(caller, Instant.now(), Duration.ofMinutes(5)).build(),
                LocalServiceKeys.pair(caller));
    }

    /** Disconnecting is Centerpoint's act. */
    private static int delete(String url) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(15))
                .header("Authorization", "Bearer " + serviceToken(CENTERPOINT)).DELETE().build();
        return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static List<Path> logsWrittenSince(Path dir, Instant since) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".log"))
                    .filter(f -> modified(f).toInstant().isAfter(since)).sorted().toList();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.from(Instant.EPOCH);
        }
    }
}
