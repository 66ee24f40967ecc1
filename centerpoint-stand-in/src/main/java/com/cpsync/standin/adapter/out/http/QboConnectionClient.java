package com.cpsync.standin.adapter.out.http;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

import org.springframework.stereotype.Component;

import com.cpsync.standin.config.StandInProperties;
import com.cpsync.syncsupport.auth.ServiceTokens;

/**
 * Connects a tenant to a sandbox realm the way a user would: mapping-service's authorize URL
 * redirects to the (sandbox) QBO consent page, which auto-approves and redirects back to
 * mapping-service's callback, which exchanges the code. Each hop is checked, so a failure names
 * the step that broke. The sandbox realm is created first. A transient failure tries the whole
 * flow again ({@link ConnectionRetry}).
 */
@Component
public class QboConnectionClient {

    private static final Logger log = LoggerFactory.getLogger(QboConnectionClient.class);

    private final HttpClient http;
    private final StandInProperties properties;
    private final ServiceTokens credential;

    /** @param credential the stand-in's JWT for mapping-service (only Centerpoint may start a connection) */
    public QboConnectionClient(HttpClient connectionHttpClient, StandInProperties properties,
                               ServiceTokens credential) {
        this.http = connectionHttpClient;
        this.properties = properties;
        this.credential = credential;
    }

    /** @return mapping-service's callback answer ({@code {"tenantId","realmId","status"}}) as JSON text */
    public Mono<String> connect(String tenantId, String realmId) {
        return Mono.fromCallable(() -> connectOnce(tenantId, realmId))
                .subscribeOn(Schedulers.boundedElastic())
                .retryWhen(ConnectionRetry.policy(properties.connectRetry(), signal -> logRetry(tenantId, realmId, signal)));
    }

    private void logRetry(String tenantId, String realmId, Retry.RetrySignal signal) {
        log.warn("Connecting tenant {} to realm {}: {}; trying again (attempt {} of {})", tenantId, realmId,
                signal.failure().getMessage(), signal.totalRetries() + 2, properties.connectRetry().maxAttempts());
    }

    private String connectOnce(String tenantId, String realmId) {
        URI realm = URI.create(properties.sandboxUrl() + "/admin/realms/" + encode(realmId));
        expectStatus("create sandbox realm", send(HttpRequest.newBuilder(realm)
                .POST(HttpRequest.BodyPublishers.noBody()), "create sandbox realm"), 200, 201, 204);
        URI authorize = URI.create(properties.mappingUrl() + "/tenants/" + encode(tenantId)
                + "/connection/authorize?realmId=" + encode(realmId));
        // only the authorize call carries the credential: QBO's consent page and the callback must never see it
        HttpRequest.Builder authorizeRequest = HttpRequest.newBuilder(authorize).GET();
        credential.authorization().ifPresent(value -> authorizeRequest.header("Authorization", value));
        URI consent = redirectOf("mapping-service authorize", authorizeRequest, authorize);
        URI callback = redirectOf("QBO consent", HttpRequest.newBuilder(consent).GET(), consent);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(callback).GET(), "mapping-service callback");
        expectStatus("mapping-service callback", answer, 200);
        return answer.body();
    }

    private URI redirectOf(String step, HttpRequest.Builder request, URI uri) {
        HttpResponse<String> response = send(request, step);
        expectStatus(step, response, 302, 303, 307);
        String location = response.headers().firstValue("Location")
                .orElseThrow(() -> ConnectionFailedException.malformed(step, "redirected without a Location header"));
        return uri.resolve(location);
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String step) {
        try {
            return http.send(request.timeout(properties.httpTimeout()).build(), HttpResponse.BodyHandlers.ofString());
        }
        catch (IOException ex) {
            throw ConnectionFailedException.unreachable(step, ex);
        }
        catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw ConnectionFailedException.malformed(step, "was interrupted");
        }
    }

    private static void expectStatus(String step, HttpResponse<String> response, int... expected) {
        for (int status : expected) {
            if (response.statusCode() == status) {
                return;
            }
        }
        throw ConnectionFailedException.answered(step, response.statusCode(), response.body());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
