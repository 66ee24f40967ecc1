package com.cpsync.inbound.adapter.in.web;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.RouterFunctions;

import com.cpsync.inbound.application.ChangePublisher;
import com.cpsync.inbound.application.ReceiveWebhook;
import com.cpsync.inbound.config.QboJson;
import com.cpsync.inbound.domain.webhook.WebhookSignature;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The handler on a real Reactor Netty server (no Spring context), with a publisher that blocks its caller
 * the way {@code KafkaTemplate.send} does while the broker is unknown ({@code max.block.ms}).
 */
class QuickBooksWebhookHandlerIT {

    private static final String TOKEN = "handler-it-token";
    private static final String BODY = "[{\"specversion\":\"1.0\",\"id\":\"e-1\",\"type\":\"qbo.customer.created.v1\","
            + "\"intuitaccountid\":\"realm-1\",\"intuitentityid\":\"1\",\"time\":\"2026-11-26T09:00:00Z\"}]";

    private final CountDownLatch sendEntered = new CountDownLatch(1);
    private final CountDownLatch brokerBack = new CountDownLatch(1);
    private final AtomicInteger sends = new AtomicInteger();
    private final MeterRegistry meters = new SimpleMeterRegistry();
    private final HttpClient client = HttpClient.newHttpClient();
    private DisposableServer server;

    @BeforeEach
    void start() {
        ChangePublisher brokerDown = changes -> {
            sends.incrementAndGet();
            sendEntered.countDown();
            try {
                brokerBack.await();
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return CompletableFuture.failedFuture(new IllegalStateException("metadata not available"));
        };
        ReceiveWebhook receive = new ReceiveWebhook(new WebhookSignature(TOKEN),
                new WebhookPayloadParser(QboJson.mapper()), brokerDown, reason -> { }, Clock.systemUTC());
        QuickBooksWebhookHandler handler = new QuickBooksWebhookHandler(receive, new WebhookRefusals(meters), 1024,
                Duration.ofMillis(500));
        server = HttpServer.create().host("localhost").port(0)
                .handle(new ReactorHttpHandlerAdapter(RouterFunctions.toHttpHandler(
                        RouterFunctions.route().POST(QuickBooksWebhookHandler.PATH, handler::receive).build())))
                .bindNow();
    }

    @AfterEach
    void stop() {
        brokerBack.countDown();
        server.disposeNow();
    }

    @Test
    void shouldAnswer503WhileTheKafkaSendIsStillBlocked() throws Exception {
        HttpResponse<String> response = post("application/cloudevents+json", BODY.getBytes(StandardCharsets.UTF_8),
                true);

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"error\":\"not_published\"");
        assertThat(sendEntered.getCount()).isZero();
        assertThat(brokerBack.getCount()).as("the send is still blocked when the answer arrives").isEqualTo(1);
        assertThat(refused("not_published")).isEqualTo(1.0);
    }

    @Test
    void shouldAnswer415ForAnotherContentTypeWithoutVerifyingOrPublishing() throws Exception {
        HttpResponse<String> response = post("text/plain", BODY.getBytes(StandardCharsets.UTF_8), true);

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.body()).contains("\"error\":\"unsupported_media_type\"").contains("'text/plain'");
        assertThat(sends).hasValue(0);
        assertThat(refused("unsupported_media_type")).isEqualTo(1.0);
    }

    @Test
    void shouldAnswer413ForAChunkedBodyOverTheLimitWithoutPublishing() throws Exception {
        byte[] large = ("[" + "\"x\",".repeat(400) + "\"x\"]").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post("application/json", large, false);

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("\"error\":\"body_too_large\"");
        assertThat(sends).hasValue(0);
        assertThat(refused("body_too_large")).isEqualTo(1.0);
    }

    @Test
    void shouldCountAnUnsignedPostAsRefusedAndNeverPublishIt() throws Exception {
        HttpResponse<String> response = post("application/json", BODY.getBytes(StandardCharsets.UTF_8), false);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(sends).hasValue(0);
        assertThat(refused("invalid_signature")).isEqualTo(1.0);
    }

    /** @param signed with the body's signature, else none; the body is streamed without a Content-Length */
    private HttpResponse<String> post(String contentType, byte[] body, boolean signed) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(
                        URI.create("http://localhost:" + server.port() + QuickBooksWebhookHandler.PATH))
                .timeout(Duration.ofSeconds(20))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)));
        if (signed) {
            request.header("intuit-signature", new WebhookSignature(TOKEN).signatureOf(body));
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private double refused(String reason) {
        return meters.get(WebhookRefusals.REFUSED).tag("reason", reason).counter().count();
    }
}
